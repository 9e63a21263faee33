using MLOps.Training.Data;
using MLOps.Training.Onnx;
using MLOps.Training.Trainers;
using MLOps.Training.Training;
using Xunit.Abstractions;

namespace MLOps.UnitTests.Training.Trainers;

public class LightGbmReferenceTests(ITestOutputHelper output)
{
    /// <summary>
    /// scikit-learn 1.2.1 HistGradientBoostingClassifier(random_state=0) on the same recorded holdout (stratified, 0.2,
    /// seed 42, rebuilt from the raw file by the script): `/usr/bin/python3 tests/reference/credit_hgb_reference.py` →
    /// "train rows 3563, holdout rows 891", "holdout AUC 0.840569".
    /// </summary>
    private const double ScikitLearnHoldoutAuc = 0.840569;

    [Fact]
    public async Task LightGbm_with_default_parameters_is_within_a_hundredth_of_scikit_learn_or_better()
    {
        TrainTestSplit split = (await CreditTables.LoadAsync()).RecordedHoldout();
        Assert.Equal((3563, 891), (split.Train.Rows, split.Test.Rows));

        TrainedModel model = ModelTrainer.Train(split.Train, Algorithm.LightGbm, seed: 0);
        double auc = model.Evaluate(split.Test).Auc!.Value;

        output.WriteLine($"LightGbm holdout AUC {auc:F6} vs scikit-learn {ScikitLearnHoldoutAuc:F6}; trained in {model.TrainingTime.TotalMilliseconds:F0} ms");
        Assert.True(auc >= ScikitLearnHoldoutAuc - 0.01, $"AUC {auc:F6} is more than 0.01 below the reference {ScikitLearnHoldoutAuc:F6}");
        Assert.True(OnnxParityChecker.Check(model, OnnxModelExporter.Export(model), split.Test).Passed);
    }
}
