using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Onnx;
using MLOps.Training.Trainers;
using MLOps.Training.Training;
using MLOps.UnitTests.Training.Trainers;
using Xunit.Abstractions;

namespace MLOps.UnitTests.Training.Onnx;

public class OnnxParityCheckerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_model_with_a_tampered_weight_is_rejected_naming_the_difference_and_row()
    {
        TrainTestSplit split = (await CreditTables.LoadAsync()).RecordedHoldout();
        TrainedModel model = ModelTrainer.Train(split.Train, Algorithm.LogisticRegression, seed: 1);
        byte[] onnx = OnnxModelExporter.Export(model);

        // The bias is stored as raw little-endian float32 in the LinearClassifier node's intercepts; find and change it.
        var predictor = (ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>)((TransformerChain<ITransformer>)model.Transformer).LastTransformer;
        byte[] bias = BitConverter.GetBytes(predictor.Model.SubModel.Bias);
        int at = onnx.AsSpan().IndexOf(bias);
        Assert.True(at >= 0, "bias bytes not found in the ONNX model");
        byte[] tampered = (byte[])onnx.Clone();
        BitConverter.GetBytes(predictor.Model.SubModel.Bias + 0.05f).CopyTo(tampered, at);

        ParityReport good = OnnxParityChecker.Check(model, onnx, split.Test);
        ParityReport bad = OnnxParityChecker.Check(model, tampered, split.Test);

        output.WriteLine(bad.Reason);
        Assert.True(good.Passed, good.Reason);
        Assert.False(bad.Passed);
        Assert.True(bad.MaxAbsoluteDifference > 1e-3);
        Assert.Contains($"row {bad.WorstRow}", bad.Reason, StringComparison.Ordinal);
        Assert.Contains($"key '{bad.WorstKey}'", bad.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regression_score_is_compared_relative_to_the_score_scale_and_a_probability_absolutely()
    {
        string[] keys = ["1", "2"];

        // The house-prices case: float32 holds 409,422 to about 0.03, so two summation orders differ by tenths.
        ParityReport prices = OnnxParityChecker.Compare(ModelTask.Regression, [[409422.094f], [150000f]], [[409421.719f], [150000f]], keys, 1e-5, "CPU");
        ParityReport wrongPrice = OnnxParityChecker.Compare(ModelTask.Regression, [[409422.094f], [150000f]], [[409422.094f], [149990f]], keys, 1e-5, "CPU");

        Assert.True(prices.Passed, prices.Reason);
        Assert.Equal(0.375, prices.MaxAbsoluteDifference, 1e-9);
        Assert.Equal(4.09422094, prices.Tolerance, 1e-6);
        Assert.False(wrongPrice.Passed);
        Assert.Equal(("2", 10d), (wrongPrice.WorstKey, wrongPrice.MaxAbsoluteDifference));
        Assert.Contains("tolerance 4.09 = 1E-05 × score scale 409422", wrongPrice.Reason, StringComparison.Ordinal);

        // Scores within ±1 keep the absolute bound, and so does every probability whatever the task's scale.
        Assert.False(OnnxParityChecker.Compare(ModelTask.Regression, [[0.5f], [-0.25f]], [[0.5f], [-0.2501f]], keys, 1e-5, "CPU").Passed);
        Assert.False(OnnxParityChecker.Compare(ModelTask.BinaryClassification, [[0.5f], [0.9f]], [[0.5f], [0.90002f]], keys, 1e-5, "CPU").Passed);
        Assert.Equal(1e-5, OnnxParityChecker.Allowed(ModelTask.BinaryClassification, [[0.5f], [0.9f]]));

        // A NaN is a mismatch, and does not inflate the scale of the rest.
        ParityReport nan = OnnxParityChecker.Compare(ModelTask.Regression, [[float.NaN], [2f]], [[1f], [2f]], keys, 1e-5, "CPU");
        Assert.False(nan.Passed);
        Assert.Equal(2e-5, nan.Tolerance, 1e-12);
        Assert.Equal(double.PositiveInfinity, nan.MaxAbsoluteDifference);
    }

    [Fact]
    public void A_regressor_of_a_target_in_the_hundreds_of_thousands_passes_parity_that_an_absolute_bound_would_fail()
    {
        // The linear table's target in dollars: 200,000 plus 10,000 per unit.
        TrainingTable linear = ModelTrainerTests.Linear(600);
        float[] dollars = linear.RegressionLabels!.Select(y => 200_000f + (10_000f * y)).ToArray();
        TrainTestSplit split = TrainingTable.Create(ModelTask.Regression, linear.FeatureNames, linear.Keys, linear.Features, regressionLabels: dollars)
            .Holdout(seed: 3, fraction: 0.25);
        var parameters = new Dictionary<string, string> { [HyperParameters.NumberOfIterations] = "300", [HyperParameters.NumberOfLeaves] = "31" };
        TrainedModel model = ModelTrainer.Train(split.Train, Algorithm.LightGbmRegression, parameters, seed: 1);

        ParityReport parity = OnnxParityChecker.Check(model, OnnxModelExporter.Export(model), split.Test);

        output.WriteLine($"max |Δ| {parity.MaxAbsoluteDifference:G3}, allowed {parity.Tolerance:G3}");
        Assert.True(parity.Passed, parity.Reason);
        Assert.True(parity.MaxAbsoluteDifference > OnnxParityChecker.DefaultTolerance, $"max |Δ| {parity.MaxAbsoluteDifference:G3}: the case no longer needs the scale");
        Assert.InRange(parity.Tolerance, 1e-5 * 200_000, 1e-5 * 400_000);
    }

    [Fact]
    public void Training_opens_its_sessions_on_the_cpu_provider()
    {
        TrainingTable table = ModelTrainerTests.Linear(200);
        TrainedModel model = ModelTrainer.Train(table, Algorithm.FastTreeRegression, ModelTrainerTests.Small, seed: 1);

        using OnnxSession session = OnnxSessionFactory.Create(OnnxModelExporter.Export(model));

        Assert.Equal(OnnxSessionFactory.Cpu, session.Provider);
        Assert.Equal([OnnxModelExporter.InputName], session.Session.InputMetadata.Keys);
        Assert.Equal([-1, 2], session.Session.InputMetadata[OnnxModelExporter.InputName].Dimensions);
    }
}
