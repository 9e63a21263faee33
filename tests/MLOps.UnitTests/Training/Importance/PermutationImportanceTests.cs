using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Importance;
using MLOps.Training.Trainers;
using MLOps.Training.Training;
using MLOps.UnitTests.Training.Trainers;
using Xunit.Abstractions;

namespace MLOps.UnitTests.Training.Importance;

public class PermutationImportanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Ranks_the_signal_above_the_noise_and_repeats_exactly()
    {
        var random = new Random(3);
        float[][] x = Enumerable.Range(0, 400).Select(_ => new[] { (float)random.NextDouble(), (float)random.NextDouble(), (float)random.NextDouble() }).ToArray();
        bool[] y = x.Select(r => r[1] + (0.2 * random.NextDouble()) > 0.6).ToArray();
        TrainingTable table = TrainingTable.Create(ModelTask.BinaryClassification, ["noise_a", "signal", "noise_b"], x.Select((_, i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), x, binaryLabels: y);
        TrainTestSplit split = table.Holdout(seed: 1, fraction: 0.3);
        TrainedModel model = ModelTrainer.Train(split.Train, Algorithm.LightGbm, ModelTrainerTests.Small, seed: 1);

        IReadOnlyList<FeatureImportance> ranked = PermutationImportance.Compute(model, split.Test, seed: 2);
        IReadOnlyList<FeatureImportance> again = PermutationImportance.Compute(model, split.Test, seed: 2);

        Assert.Equal("signal", ranked[0].Feature);
        Assert.True(ranked[0].Importance > 0.2);
        Assert.Equal(ranked.Select(r => r.Importance).OrderDescending(), ranked.Select(r => r.Importance));
        Assert.Equal(ranked, again);
    }

    [Fact]
    public async Task Credit_importance_lists_every_feature_once()
    {
        TrainTestSplit split = (await CreditTables.LoadAsync()).RecordedHoldout();
        TrainedModel model = ModelTrainer.Train(split.Train, Algorithm.LightGbm, ModelTrainerTests.Small, seed: 1);

        IReadOnlyList<FeatureImportance> ranked = PermutationImportance.Compute(model, split.Test, seed: 0, repeats: 1);

        output.WriteLine(string.Join("\n", ranked.Select(r => $"{r.Feature}: {r.Importance:F4}")));
        Assert.Equal(split.Test.FeatureNames.Order(StringComparer.Ordinal), ranked.Select(r => r.Feature).Order(StringComparer.Ordinal));
        Assert.True(ranked[0].Importance > 0.01);
    }
}
