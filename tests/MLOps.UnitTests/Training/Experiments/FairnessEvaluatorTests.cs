using MLOps.Core.Registry.Cards;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Experiments;

namespace MLOps.UnitTests.Training.Experiments;

public sealed class FairnessEvaluatorTests
{
    [Fact]
    public void Each_group_gets_its_selection_rate_error_rates_and_auc()
    {
        // Group a: labels 1,1,0,0 scored .9,.4,.6,.1 → selected 2 of 4, TPR 1/2, FPR 1/2, AUC 3/4.
        // Group b: labels 1,0 scored .8,.2 → selected 1 of 2, TPR 1, FPR 0, AUC 1.
        TrainingTable table = TrainingTable.Create(
            ModelTask.BinaryClassification, ["x"], ["1", "2", "3", "4", "5", "6"],
            [[0f], [0f], [0f], [0f], [0f], [0f]],
            binaryLabels: [true, true, false, false, true, false]);
        float[][] scores = [[0.9f], [0.4f], [0.6f], [0.1f], [0.8f], [0.2f]];
        var groups = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["Marital"] = new Dictionary<string, string> { ["1"] = "a", ["2"] = "a", ["3"] = "a", ["4"] = "a", ["5"] = "b", ["6"] = "b" },
        };

        IReadOnlyList<FairnessResult> results = FairnessEvaluator.Evaluate(table, scores, groups);

        double Value(string group, string metric) => results.Single(r => r.Group == group && r.Metric == metric).Value;
        Assert.Equal((0.5, 0.5, 0.5, 0.75), (Value("a", "selection_rate"), Value("a", "true_positive_rate"), Value("a", "false_positive_rate"), Value("a", "auc")));
        Assert.Equal((0.5, 1.0, 0.0, 1.0), (Value("b", "selection_rate"), Value("b", "true_positive_rate"), Value("b", "false_positive_rate"), Value("b", "auc")));
        Assert.All(results.Where(r => r.Group == "a"), r => Assert.Equal(4, r.Rows));
    }
}
