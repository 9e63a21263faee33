using MLOps.Core.Experiments;
using MLOps.Training.Metrics;

namespace MLOps.UnitTests.Training.Metrics;

/// <summary>
/// Thresholds and objective values printed by <c>/usr/bin/python3 tests/reference/classification_metrics_reference.py</c>
/// (scikit-learn 1.2.1 precision_recall_curve and roc_curve over the same candidates, ties to the higher threshold).
/// </summary>
public class DecisionThresholdsTests
{
    private static readonly bool[] Y = [true, false, true, true, false, false, true, false, true, false];
    private static readonly float[] P = [0.9f, 0.2f, 0.65f, 0.4f, 0.4f, 0.55f, 0.8f, 0.1f, 0.3f, 0.7f];

    [Fact]
    public void F1_threshold_matches_the_reference_on_both_samples()
    {
        (bool[] yb, float[] pb) = MetricsCalculatorTests.ReferenceSampleB();

        ThresholdChoice a = DecisionThresholds.Choose(Y, P, ThresholdObjective.F1);
        ThresholdChoice b = DecisionThresholds.Choose(yb, pb, ThresholdObjective.F1);

        Assert.Equal(0.30000001192092896, a.Threshold);
        Assert.Equal(0.7692307692307693, a.Value, 12);
        Assert.Equal(0.65625, b.Threshold);
        Assert.Equal(0.7027027027027027, b.Value, 12);
        Assert.Null(a.FallbackReason);
    }

    [Fact]
    public void Youden_threshold_matches_the_reference_on_both_samples()
    {
        (bool[] yb, float[] pb) = MetricsCalculatorTests.ReferenceSampleB();

        ThresholdChoice a = DecisionThresholds.Choose(Y, P, ThresholdObjective.Youden);
        ThresholdChoice b = DecisionThresholds.Choose(yb, pb, ThresholdObjective.Youden);

        Assert.Equal(0.800000011920929, a.Threshold);
        Assert.Equal(0.4, a.Value, 12);
        Assert.Equal(0.375, b.Threshold);
        Assert.Equal(0.5965909090909092, b.Value, 12);
    }

    [Fact]
    public void The_chosen_threshold_gives_the_reported_f1_when_applied()
    {
        (bool[] yb, float[] pb) = MetricsCalculatorTests.ReferenceSampleB();
        ThresholdChoice choice = DecisionThresholds.Choose(yb, pb, ThresholdObjective.F1);

        Assert.Equal(choice.Value, MetricsCalculator.Binary(yb, pb, choice.Threshold).F1!.Value, 12);
    }

    [Fact]
    public void Equal_objective_values_keep_the_higher_threshold()
    {
        // At 0.8 (tp 1, fp 0, fn 1) and at 0.4 (tp 2, fp 2, fn 0) F1 is 2/3; the higher threshold wins.
        ThresholdChoice choice = DecisionThresholds.Choose([true, true, false, false], [0.8f, 0.4f, 0.6f, 0.5f], ThresholdObjective.F1);

        Assert.Equal(0.800000011920929, choice.Threshold);
        Assert.Equal(2 / 3.0, choice.Value, 12);
    }

    [Fact]
    public void One_class_validation_rows_keep_the_default_and_say_why()
    {
        ThresholdChoice choice = DecisionThresholds.Choose([false, false, false], [0.1f, 0.9f, 0.4f], ThresholdObjective.F1);

        Assert.Equal(MetricsCalculator.DefaultThreshold, choice.Threshold);
        Assert.Contains("one class", choice.FallbackReason, StringComparison.Ordinal);
    }
}
