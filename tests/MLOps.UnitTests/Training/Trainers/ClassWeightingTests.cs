using MLOps.Core.Experiments;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Metrics;
using MLOps.Training.Onnx;
using MLOps.Training.Trainers;
using MLOps.Training.Training;
using Xunit.Abstractions;

namespace MLOps.UnitTests.Training.Trainers;

/// <summary>Balanced class weights reach every classifier through ML.NET's example-weight column and leave ONNX export alone.</summary>
public class ClassWeightingTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Algorithm.LogisticRegression)]
    [InlineData(Algorithm.FastTree)]
    [InlineData(Algorithm.FastForest)]
    [InlineData(Algorithm.LightGbm)]
    public void Balanced_weights_raise_the_rare_class_probability_and_keep_onnx_parity(Algorithm algorithm)
    {
        TrainTestSplit split = RarePositives(2000).Holdout(seed: 7, fraction: 0.3);
        IReadOnlyDictionary<string, string> balanced = ClassWeights.With(ModelTrainerTests.Small, ClassWeighting.Balanced);

        TrainedModel plain = ModelTrainer.Train(split.Train, algorithm, ModelTrainerTests.Small, seed: 1);
        TrainedModel weighted = ModelTrainer.Train(split.Train, algorithm, balanced, seed: 1);
        double plainMean = plain.Predict(split.Test).Average(p => p[0]);
        double weightedMean = weighted.Predict(split.Test).Average(p => p[0]);
        ModelMetrics plainMetrics = plain.Evaluate(split.Test), weightedMetrics = weighted.Evaluate(split.Test);
        ParityReport parity = OnnxParityChecker.Check(weighted, OnnxModelExporter.Export(weighted), split.Test);

        output.WriteLine($"{algorithm}: mean p {plainMean:F4} -> {weightedMean:F4}, recall@0.5 {plainMetrics.Recall:F3} -> {weightedMetrics.Recall:F3}, AUC {plainMetrics.Auc:F4} -> {weightedMetrics.Auc:F4}, parity {parity.MaxAbsoluteDifference:G3}");

        // 6% positives: weighted, both classes carry the same total weight, so the model's probabilities move up towards 0.5.
        Assert.True(weightedMean > plainMean + 0.05, $"mean probability {plainMean:F4} unweighted, {weightedMean:F4} balanced");
        Assert.True(weightedMetrics.Recall > plainMetrics.Recall, $"recall at 0.5 {plainMetrics.Recall} unweighted, {weightedMetrics.Recall} balanced");
        Assert.True(parity.Passed, parity.Reason);
    }

    [Theory]
    [InlineData(Algorithm.LogisticRegression)]
    [InlineData(Algorithm.FastTree)]
    [InlineData(Algorithm.LightGbm)]
    public void Multiclass_trainers_take_balanced_weights_and_keep_onnx_parity(Algorithm algorithm)
    {
        TrainTestSplit split = ModelTrainerTests.ThreeClasses(450).Holdout(seed: 2, fraction: 0.3);

        TrainedModel model = ModelTrainer.Train(split.Train, algorithm, ClassWeights.With(ModelTrainerTests.Small, ClassWeighting.Balanced), seed: 1);
        ParityReport parity = OnnxParityChecker.Check(model, OnnxModelExporter.Export(model), split.Test);

        Assert.True(parity.Passed, parity.Reason);
        Assert.True(model.Evaluate(split.Test).Accuracy > 0.8);
    }

    [Fact]
    public void Regression_refuses_class_weights()
    {
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train(
            ModelTrainerTests.Linear(50), Algorithm.FastTreeRegression, ClassWeights.With(ModelTrainerTests.Small, ClassWeighting.Balanced)));
    }

    /// <summary>About 6% positives whose first feature is shifted up by one standard deviation; the second is noise.</summary>
    private static TrainingTable RarePositives(int rows)
    {
        var random = new Random(21);
        bool[] y = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.06).ToArray();
        float[][] x = y.Select(positive => new[] { (float)(Gaussian(random) + (positive ? 1.0 : 0)), (float)Gaussian(random) }).ToArray();
        string[] keys = Enumerable.Range(1, rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return TrainingTable.Create(ModelTask.BinaryClassification, ["signal", "noise"], keys, x, binaryLabels: y, classNames: ["no", "yes"]);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
