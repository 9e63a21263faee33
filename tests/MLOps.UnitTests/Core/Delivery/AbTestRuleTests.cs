using MLOps.Core.Delivery.AbTesting;
using MLOps.Core.Labels;

namespace MLOps.UnitTests.Core.Delivery;

/// <summary>
/// The A/B decision. Statistics and p-values are scipy's, printed by
/// <c>/usr/bin/python3 tests/reference/ab_tests_reference.py</c>; the statistic is treatment minus control.
/// </summary>
public sealed class AbTestRuleTests
{
    [Fact]
    public void Classification_decides_by_the_pooled_z_test_for_the_more_accurate_arm()
    {
        // 560/800 vs 624/800 correct: z(560 vs 624) = −3.6476860207004282, p = 0.0002646127221230719.
        double[] seventy = Correct(560, 800);
        double[] seventyEight = Correct(624, 800);
        var settings = new AbSettings { MinSamplesPerArm = 800 };

        AbDecision treatment = AbTestRule.Decide(OutcomeKind.Correctness, seventy, seventyEight, settings);
        AbDecision control = AbTestRule.Decide(OutcomeKind.Correctness, seventyEight, seventy, settings);

        Assert.Equal((AbOutcome.TreatmentWins, "two-proportion z", 800L, 800L), (treatment.Outcome, treatment.Test, treatment.ControlSamples, treatment.TreatmentSamples));
        Assert.Equal((0.70, 0.78), (treatment.ControlMean!.Value, treatment.TreatmentMean!.Value));
        Assert.Equal(3.6476860207004282, treatment.Statistic!.Value, 1e-12);
        Assert.Equal(0.0002646127221230719, treatment.PValue!.Value, 1e-15);
        Assert.Equal(AbOutcome.ControlWins, control.Outcome);
        Assert.Equal(-3.6476860207004282, control.Statistic!.Value, 1e-12);
        Assert.StartsWith("Treatment wins at alpha 0.05: accuracy control 0.7 (n = 800), treatment 0.78 (n = 800)", treatment.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_difference_that_is_not_significant_stays_undecided_with_its_p_value()
    {
        // 7/10 vs 9/10: z = 1.1180339887498953 (treatment − control), p = 0.26355247728296954.
        AbDecision decision = AbTestRule.Decide(OutcomeKind.Correctness, Correct(7, 10), Correct(9, 10), new AbSettings { MinSamplesPerArm = 10 });

        Assert.Equal(AbOutcome.Undecided, decision.Outcome);
        Assert.Equal(1.1180339887498953, decision.Statistic!.Value, 1e-12);
        Assert.Equal(0.26355247728296954, decision.PValue!.Value, 1e-12);
        Assert.StartsWith("No significant difference at alpha 0.05", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_decides_by_welch_for_the_lower_absolute_error()
    {
        // Welch "small": control errors [1.2, 3.4, 2.2, 5.1, 4.0] against treatment [2.8, 6.1, 5.5, 7.3, 4.9, 6.6]:
        // t(control − treatment) = −2.5093589034294466, p = 0.034032808786175255, so control's lower error wins at 5%.
        double[] control = [1.2, 3.4, 2.2, 5.1, 4.0];
        double[] treatment = [2.8, 6.1, 5.5, 7.3, 4.9, 6.6];

        AbDecision at5 = AbTestRule.Decide(OutcomeKind.AbsoluteError, control, treatment, new AbSettings { MinSamplesPerArm = 5 });
        AbDecision at1 = AbTestRule.Decide(OutcomeKind.AbsoluteError, control, treatment, new AbSettings { MinSamplesPerArm = 5, Alpha = 0.01 });

        Assert.Equal((AbOutcome.ControlWins, "Welch t"), (at5.Outcome, at5.Test));
        Assert.Equal(2.5093589034294466, at5.Statistic!.Value, 1e-12);
        Assert.Equal(0.034032808786175255, at5.PValue!.Value, 1e-12);
        Assert.Equal(AbOutcome.Undecided, at1.Outcome);
    }

    [Fact]
    public void Nothing_is_decided_before_the_minimum_sample_in_both_arms()
    {
        AbDecision decision = AbTestRule.Decide(OutcomeKind.Correctness, Correct(0, 99), Correct(100, 100), new AbSettings { MinSamplesPerArm = 100 });

        Assert.Equal(AbOutcome.Undecided, decision.Outcome);
        Assert.Null(decision.Statistic);
        Assert.Null(decision.PValue);
        Assert.Equal((0.0, 1.0), (decision.ControlMean!.Value, decision.TreatmentMean!.Value));
        Assert.Equal("Control has 99 and treatment 100 labelled outcomes; each arm needs 100 before a decision.", decision.Detail);
    }

    [Fact]
    public void Arms_without_variance_or_of_different_tasks_are_undecided()
    {
        AbDecision perfect = AbTestRule.Decide(OutcomeKind.Correctness, Correct(50, 50), Correct(50, 50), new AbSettings { MinSamplesPerArm = 50 });
        AbDecision mixed = AbTestRule.Decide(
            new LabelledOutcomes(OutcomeKind.Correctness, Correct(50, 50), 0), new LabelledOutcomes(OutcomeKind.AbsoluteError, [1, 2], 0), new AbSettings { MinSamplesPerArm = 2 });

        Assert.Equal((AbOutcome.Undecided, (double?)null), (perfect.Outcome, perfect.PValue));
        Assert.Equal((AbOutcome.Undecided, "none"), (mixed.Outcome, mixed.Test));
        Assert.Throws<ArgumentException>(() => AbTestRule.Decide(OutcomeKind.Correctness, [1, 0], [1, 0], new AbSettings { MinSamplesPerArm = 1 }));
        Assert.Throws<ArgumentException>(() => AbTestRule.Decide(OutcomeKind.Correctness, [1, 0], [1, 0], new AbSettings { MinSamplesPerArm = 2, Alpha = 1 }));
    }

    /// <summary><paramref name="correct"/> ones then zeros, <paramref name="n"/> in all.</summary>
    internal static double[] Correct(int correct, int n) => [.. Enumerable.Range(0, n).Select(i => i < correct ? 1.0 : 0.0)];
}
