using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
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
