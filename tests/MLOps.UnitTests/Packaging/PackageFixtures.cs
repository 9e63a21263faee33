using Microsoft.ML.OnnxRuntime;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Packaging;
using MLOps.Core.Registry;
using MLOps.Core.Registry.Mlflow;
using MLOps.Core.Tracking;
using MLOps.Training.Data;
using MLOps.Training.Onnx;
using MLOps.Training.Trainers;
using MLOps.Training.Training;
using MLOps.UnitTests.Training;

namespace MLOps.UnitTests.Packaging;

/// <summary>
/// The sources of a credit package as the platform produces them: the in-memory credit feature set, a logistic
/// regression trained on its training rows and exported to ONNX, and an MLflow directory written by the registry's
/// writer; trained once per run.
/// </summary>
internal static class PackageFixtures
{
    public const double Threshold = 0.37;

    private static readonly Lazy<Task<PackageSources>> Built = new(BuildAsync);

    public static Task<PackageSources> SourcesAsync() => Built.Value;

    private static async Task<PackageSources> BuildAsync()
    {
        TrainingTable table = await CreditTables.LoadAsync();
        FeatureSetWrite write = await CreditTables.WriteAsync();
        TrainedModel model = ModelTrainer.Train(table.RecordedHoldout().Train, Algorithm.LogisticRegression, seed: 1);
        byte[] onnx = OnnxModelExporter.Export(model);
        MlflowTensor[] outputs;
        using (var session = new InferenceSession(onnx))
        {
            outputs = [.. session.OutputMetadata.Select(o => new MlflowTensor(o.Key, [.. o.Value.Dimensions.Select(d => (long)d)]))];
        }

        DateTimeOffset registered = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var version = new ModelVersion
        {
            Project = "credit-scoring",
            Name = "credit",
            Version = 3,
            RunId = "exp-random-t007",
            FeatureSetVersion = 2,
            FeatureSetSha256 = new string('a', 64),
            DataSha256 = new string('b', 64),
            SpecSha256 = new string('c', 64),
            ArtifactUri = "models/credit-scoring/credit/3/",
            Metrics = new Dictionary<string, double> { ["Auc"] = 0.83, ["F1"] = 0.55, ["Accuracy"] = 0.79 },
            DecisionThreshold = Threshold,
            CreatedAt = registered,
            CreatedBy = "data-scientist",
        };
        var mlflow = new MlflowModelPackage
        {
            OnnxModel = BinaryData.FromBytes(onnx),
            Signature = new MlflowSignature(OnnxModelExporter.InputName, table.FeatureNames, outputs),
            InputExample = [.. table.Features.Take(2).Select(r => (IReadOnlyList<float>)r)],
            RunId = version.RunId,
            ModelUuid = MlflowModelDirectory.DeterministicUuid("credit-scoring/credit/3"),
            CreatedAt = registered,
            Metadata = new Dictionary<string, string>
            {
                [MlflowModelDirectory.FeatureNamesKey] = System.Text.Json.JsonSerializer.Serialize(table.FeatureNames),
                ["decision_threshold"] = "0.37",
            },
        };
        return new PackageSources
        {
            Version = version,
            MlflowFiles = MlflowModelDirectory.Render(mlflow).ToDictionary(f => f.File, f => f.Content),
            Run = new RunRecord
            {
                Project = version.Project,
                Experiment = "exp",
                RunId = version.RunId,
                Status = RunStatus.Completed,
                StartTime = registered,
                FeatureSetVersion = 2,
                FeatureSetSha256 = version.FeatureSetSha256,
                Metrics = new Dictionary<string, double> { ["decision_threshold"] = Threshold, ["holdout_Auc"] = 0.83 },
            },
            FeatureSet = new FeatureSetVersion
            {
                Project = version.Project,
                Version = 2,
                Sha256 = version.FeatureSetSha256,
                DataBlob = "features/credit-scoring/data.parquet",
                Rows = table.Rows,
                EntityKey = "application_id",
                Label = "Status",
                Features = table.FeatureNames,
                DefinitionsSha256 = write.Features.DefinitionsSha256,
                SourceBlob = "landing/credit-scoring/credit_data.csv",
                SourceETag = "0x1",
                RawSnapshotSha256 = version.DataSha256,
                SpecSha256 = version.SpecSha256,
                CreatedAt = registered,
                Split = write.Split,
                Fitted = write.Features,
            },
            FeatureSpec = CreditTables.Spec,
            SpecVersion = 1,
            Labels = ["good", "bad"],
        };
    }
}
