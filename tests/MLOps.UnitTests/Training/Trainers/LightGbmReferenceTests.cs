using MLOps.Training.Data;
using MLOps.Training.Onnx;
using MLOps.Training.Trainers;
using MLOps.Training.Training;
using Xunit.Abstractions;

namespace MLOps.UnitTests.Training.Trainers;

public class LightGbmReferenceTests(ITestOutputHelper output)
{
    /// <summary>
    /// scikit-learn 1.2.1 HistGradientBoostingClassifier(random_state=0), same key-mod-5 holdout:
    /// `/usr/bin/python3 tests/reference/credit_hgb_reference.py` → "holdout AUC 0.820614".
    /// </summary>
    private const double ScikitLearnHoldoutAuc = 0.820614;

    [Fact]
    public async Task LightGbm_with_default_parameters_is_within_a_hundredth_of_scikit_learn_or_better()
    {
        TrainTestSplit split = (await CreditTables.LoadAsync()).HoldoutByKey(5);

        TrainedModel model = ModelTrainer.Train(split.Train, Algorithm.LightGbm, seed: 0);
        double auc = model.Evaluate(split.Test).Auc!.Value;

        output.WriteLine($"LightGbm holdout AUC {auc:F6} vs scikit-learn {ScikitLearnHoldoutAuc:F6}; trained in {model.TrainingTime.TotalMilliseconds:F0} ms");
        Assert.True(auc >= ScikitLearnHoldoutAuc - 0.01, $"AUC {auc:F6} is more than 0.01 below the reference {ScikitLearnHoldoutAuc:F6}");
        Assert.True(OnnxParityChecker.Check(model, OnnxModelExporter.Export(model), split.Test).Passed);
    }
}
