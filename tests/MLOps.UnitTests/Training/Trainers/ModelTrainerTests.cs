using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Metrics;
using MLOps.Training.Onnx;
using MLOps.Training.Trainers;
using MLOps.Training.Training;
using Xunit.Abstractions;

namespace MLOps.UnitTests.Training.Trainers;

public class ModelTrainerTests(ITestOutputHelper output)
{
    /// <summary>Small models: the tests check plumbing, determinism and export, not accuracy.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Small = new Dictionary<string, string>
    {
        [HyperParameters.NumberOfTrees] = "20",
        [HyperParameters.NumberOfIterations] = "20",
        [HyperParameters.NumberOfLeaves] = "8",
    };

    [Theory]
    [InlineData(Algorithm.LogisticRegression)]
    [InlineData(Algorithm.FastTree)]
    [InlineData(Algorithm.FastForest)]
    [InlineData(Algorithm.LightGbm)]
    public async Task Each_classifier_trains_on_credit_exports_to_onnx_and_passes_parity(Algorithm algorithm)
    {
        TrainTestSplit split = (await CreditTables.LoadAsync()).RecordedHoldout();

        TrainedModel model = ModelTrainer.Train(split.Train, algorithm, Small, seed: 1);
        ModelMetrics metrics = model.Evaluate(split.Test);
        byte[] onnx = OnnxModelExporter.Export(model);
        ParityReport parity = OnnxParityChecker.Check(model, onnx, split.Test);

        output.WriteLine($"{algorithm}: AUC {metrics.Auc:F4}, train {model.TrainingTime.TotalMilliseconds:F0} ms, ONNX {onnx.Length} bytes, max diff {parity.MaxAbsoluteDifference:G3} on {parity.Provider}");
        Assert.True(parity.Passed, parity.Reason);
        Assert.InRange(metrics.Auc!.Value, 0.75, 1);
        Assert.Equal(891, metrics.Rows); // the recorded holdout (credit_split_reference.py)
    }

    [Theory]
    [InlineData(Algorithm.OnlineGradientDescentRegression)]
    [InlineData(Algorithm.FastTreeRegression)]
    [InlineData(Algorithm.FastForestRegression)]
    [InlineData(Algorithm.LightGbmRegression)]
    public void Each_regressor_trains_exports_to_onnx_and_passes_parity(Algorithm algorithm)
    {
        TrainTestSplit split = Linear(600).Holdout(seed: 3, fraction: 0.25);

        TrainedModel model = ModelTrainer.Train(split.Train, algorithm, Small, seed: 1);
        ModelMetrics metrics = model.Evaluate(split.Test);
        ParityReport parity = OnnxParityChecker.Check(model, OnnxModelExporter.Export(model), split.Test);

        output.WriteLine($"{algorithm}: RMSE {metrics.Rmse:F4}, R² {metrics.RSquared:F4}, max diff {parity.MaxAbsoluteDifference:G3}");
        Assert.True(parity.Passed, parity.Reason);
        Assert.True(metrics.RSquared > 0.5, $"R² {metrics.RSquared}");
    }

    [Theory]
    [InlineData(Algorithm.LogisticRegression)]
    [InlineData(Algorithm.LightGbm)]
    public void Multiclass_trains_and_passes_parity(Algorithm algorithm)
    {
        TrainTestSplit split = ThreeClasses(450).Holdout(seed: 2, fraction: 0.3);

        TrainedModel model = ModelTrainer.Train(split.Train, algorithm, Small, seed: 1);
        ModelMetrics metrics = model.Evaluate(split.Test);
        ParityReport parity = OnnxParityChecker.Check(model, OnnxModelExporter.Export(model), split.Test);

        Assert.True(parity.Passed, parity.Reason);
        Assert.True(metrics.Accuracy > 0.8, $"accuracy {metrics.Accuracy}");
        Assert.Equal(3, metrics.ConfusionMatrix!.Count);
    }

    [Theory]
    [InlineData(Algorithm.LogisticRegression)]
    [InlineData(Algorithm.FastTree)]
    [InlineData(Algorithm.FastForest)]
    [InlineData(Algorithm.LightGbm)]
    public async Task The_same_seed_gives_identical_metrics(Algorithm algorithm)
    {
        TrainTestSplit split = (await CreditTables.LoadAsync()).RecordedHoldout();

        IReadOnlyDictionary<string, double> first = ModelTrainer.Train(split.Train, algorithm, Small, seed: 4).Evaluate(split.Test).ToDictionary();
        IReadOnlyDictionary<string, double> second = ModelTrainer.Train(split.Train, algorithm, Small, seed: 4).Evaluate(split.Test).ToDictionary();

        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, kv => Assert.Equal(kv.Value, second[kv.Key], 1e-9));
    }

    [Fact]
    public async Task Cross_validation_returns_one_result_per_fold_and_their_summary()
    {
        TrainingTable table = await CreditTables.LoadAsync();

        CrossValidationResult cv = ModelTrainer.CrossValidate(table, Algorithm.LightGbm, Small, folds: 3, seed: 0);

        Assert.Equal(3, cv.Folds.Count);
        Assert.Equal(table.Rows, cv.Folds.Sum(f => f.Rows));
        Assert.Equal(cv.Folds.Average(f => f.Auc!.Value), cv.Mean["Auc"], 12);
        Assert.True(cv.StandardDeviation["Auc"] > 0);
        output.WriteLine($"3-fold LightGbm AUC {cv.Mean["Auc"]:F4} ± {cv.StandardDeviation["Auc"]:F4}");
    }

    [Fact]
    public void A_regression_learner_is_refused_for_classification()
    {
        Assert.Throws<ArgumentException>(() => ModelTrainer.Train(ThreeClasses(30), Algorithm.FastTreeRegression));
    }

    /// <summary>y = 2·x0 − x1 + noise, with some x1 missing to exercise imputation.</summary>
    internal static TrainingTable Linear(int rows)
    {
        var random = new Random(11);
        float[][] x = Enumerable.Range(0, rows).Select(i => new[] { (float)random.NextDouble() * 10, i % 17 == 0 ? float.NaN : (float)random.NextDouble() * 5 }).ToArray();
        float[] y = x.Select(r => (2 * r[0]) - (float.IsNaN(r[1]) ? 2.5f : r[1]) + ((float)random.NextDouble() - 0.5f)).ToArray();
        return TrainingTable.Create(ModelTask.Regression, ["x0", "x1"], Keys(rows), x, regressionLabels: y);
    }

    internal static TrainingTable ThreeClasses(int rows)
    {
        var random = new Random(5);
        uint[] y = Enumerable.Range(0, rows).Select(i => (uint)(i % 3)).ToArray();
        float[][] x = y.Select(c => new[] { c + ((float)random.NextDouble() * 0.8f), (float)random.NextDouble() }).ToArray();
        return TrainingTable.Create(ModelTask.MulticlassClassification, ["signal", "noise"], Keys(rows), x, classLabels: y, classNames: ["a", "b", "c"]);
    }

    private static string[] Keys(int rows) => Enumerable.Range(1, rows).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
