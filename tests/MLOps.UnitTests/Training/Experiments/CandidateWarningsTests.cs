using MLOps.Core.Experiments;
using MLOps.Training.Experiments;

namespace MLOps.UnitTests.Training.Experiments;

public class CandidateWarningsTests
{
    private static readonly Dictionary<string, double> NoPositivesAtHalf = new() { ["Auc"] = 0.83, ["Precision"] = 0, ["Recall"] = 0, ["F1"] = 0 };

    [Fact]
    public void A_gate_met_on_auc_with_no_true_positive_at_the_threshold_is_flagged()
    {
        var threshold = new DecisionThreshold(0.42, ThresholdObjective.F1, 0.1, 80, new Dictionary<string, double> { ["Precision"] = 0, ["Recall"] = 0, ["F1"] = 0 });

        IReadOnlyList<string> warnings = CandidateWarnings.For(NoPositivesAtHalf, threshold, meetsAcceptance: true, "Auc >= 0.8");

        Assert.Contains(warnings, w => w.StartsWith("At its decision threshold 0.42 the model finds no true positive", StringComparison.Ordinal)
            && w.Contains("although it meets the acceptance gate Auc >= 0.8", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("At the default threshold 0.5", StringComparison.Ordinal));
    }

    [Fact]
    public void A_useful_threshold_leaves_only_the_note_about_one_half()
    {
        var threshold = new DecisionThreshold(0.18, ThresholdObjective.F1, 0.4, 80, new Dictionary<string, double> { ["Precision"] = 0.3, ["Recall"] = 0.6, ["F1"] = 0.4 });

        IReadOnlyList<string> warnings = CandidateWarnings.For(NoPositivesAtHalf, threshold, meetsAcceptance: true, "Auc >= 0.8");

        string only = Assert.Single(warnings);
        Assert.Contains("label with the stored decision threshold 0.18, not 0.5", only, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_metrics_and_a_kept_default_are_named()
    {
        var threshold = new DecisionThreshold(0.5, ThresholdObjective.F1, double.NaN, 0, new Dictionary<string, double> { ["Recall"] = 0.5 }, "the validation rows hold only one class");
        var holdout = new Dictionary<string, double> { ["Auc"] = double.NaN, ["Recall"] = 0.5 };

        IReadOnlyList<string> warnings = CandidateWarnings.For(holdout, threshold, meetsAcceptance: false, "Auc >= 0.8");

        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("only one class", StringComparison.Ordinal) && w.Contains("0.5 is kept", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("Holdout Auc is undefined", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sound_model_gets_no_warning()
    {
        var threshold = new DecisionThreshold(0.3, ThresholdObjective.F1, 0.6, 80, new Dictionary<string, double> { ["Recall"] = 0.7 });

        Assert.Empty(CandidateWarnings.For(new Dictionary<string, double> { ["Auc"] = 0.9, ["Recall"] = 0.5 }, threshold, true, "Auc >= 0.8"));
    }
}
