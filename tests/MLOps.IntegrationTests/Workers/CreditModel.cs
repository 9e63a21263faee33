using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Packaging;
using MLOps.Core.Registry;
using MLOps.Core.Registry.Mlflow;
using MLOps.Core.Requirements;
using MLOps.Core.Tracking;
using MLOps.LocalHost.Azurite;
using MLOps.Training.Data;
using MLOps.Training.Onnx;
using MLOps.Training.Trainers;
using MLOps.Training.Training;

namespace MLOps.IntegrationTests.Workers;

/// <summary>
/// A real model and real packages for the worker tests: the credit feature set built from credit_data.csv as the data
/// pipeline builds it (FeatureSetEngineering), a small FastTree classifier trained on its training rows by
/// MLOps.Training and exported by the platform's ONNX export path, and packages of it assembled by
/// <see cref="PackageAssembler"/> (package.json, feature contract, MLflow directory, Triton layout, manifest), signed
/// with <see cref="PackageSigner"/> and published through <see cref="BlobModelPackageStore"/>. Scores computed in
/// this process with ONNX Runtime's CPU build are the reference the worker's answers are compared with.
/// </summary>
public sealed class CreditModel
{
    private static readonly DateTimeOffset RegisteredAt = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private CreditModel(byte[] onnx, int width, float[] rows, IReadOnlyDictionary<string, BinaryData> mlflow, FeatureSetWrite write, TrainingTable table, ProjectSpec spec)
    {
        this.Onnx = onnx;
        this.Width = width;
        this.Rows = rows;
        this.Mlflow = mlflow;
        this.Write = write;
        this.Table = table;
        this.Spec = spec;
    }

    public byte[] Onnx { get; }

    /// <summary>The model's input width: the credit feature set's columns.</summary>
    public int Width { get; }

    /// <summary>Holdout rows (40 unless asked otherwise), row-major, some values replaced by NaN (missing; the trees route them).</summary>
    public float[] Rows { get; }

    public int RowCount => this.Rows.Length / this.Width;

    private IReadOnlyDictionary<string, BinaryData> Mlflow { get; }

    private FeatureSetWrite Write { get; }

    private TrainingTable Table { get; }

    private ProjectSpec Spec { get; }

    /// <param name="trees">FastTree's trees (of <paramref name="leaves"/> leaves): small for the tests, larger for the benchmark.</param>
    /// <param name="rows">Holdout rows to keep for scoring, cycled when the holdout has fewer.</param>
    public static async Task<CreditModel> TrainAsync(int trees = 20, int leaves = 8, int rows = 40)
    {
        string root = RepositoryRoot.Find();
        ProjectSpec spec = ProjectSpecJson.Parse(await File.ReadAllTextAsync(Path.Combine(root, "shared", "specs", "credit-scoring.json")));
        string data = Path.Combine(root, "shared", "data", "credit_data.csv");
        IReadOnlyList<string> columns;
        await using (var header = new CsvRecordReader(File.OpenRead(data)))
        {
            columns = await header.ReadHeaderAsync();
        }

        var parquet = new MemoryStream();
        FeatureSetWrite write = await FeatureSetEngineering.WriteAsync(spec, columns, Batches(data), parquet, rowGroupSize: 1000);
        parquet.Position = 0;
        TrainingTable table = await TrainingTable.LoadAsync(FeatureParquetReader.ReadAsync(parquet), spec);
        TrainTestSplit split = table.RecordedHoldout();
        TrainedModel model = ModelTrainer.Train(split.Train, Algorithm.FastTree, new Dictionary<string, string>
        {
            [HyperParameters.NumberOfTrees] = trees.ToString(CultureInfo.InvariantCulture),
            [HyperParameters.NumberOfLeaves] = leaves.ToString(CultureInfo.InvariantCulture),
        }, seed: 1);
        byte[] onnx = OnnxModelExporter.Export(model);

        MlflowTensor[] outputs;
        using (var session = new InferenceSession(onnx))
        {
            outputs = [.. session.OutputMetadata.Select(o => new MlflowTensor(o.Key, [.. o.Value.Dimensions.Select(d => (long)d)]))];
        }

        var mlflow = new MlflowModelPackage
        {
            OnnxModel = BinaryData.FromBytes(onnx),
            Signature = new MlflowSignature(OnnxModelExporter.InputName, table.FeatureNames, outputs),
            InputExample = [.. table.Features.Take(2).Select(r => (IReadOnlyList<float>)r)],
            RunId = "exp-worker-t001",
            ModelUuid = MlflowModelDirectory.DeterministicUuid("credit-scoring/credit"),
            CreatedAt = RegisteredAt,
            Metadata = new Dictionary<string, string> { [MlflowModelDirectory.FeatureNamesKey] = JsonSerializer.Serialize(table.FeatureNames) },
        };

        // Holdout rows to score, a few values missing: the worker must take NaN, and the model routes it.
        float[] scoring = [.. Enumerable.Range(0, rows).Select(r => split.Test.Features[r % split.Test.Rows]).SelectMany((row, r) => row.Select((v, c) => (r + c) % 9 == 4 ? float.NaN : v))];
        return new CreditModel(onnx, table.Width, scoring, MlflowModelDirectory.Render(mlflow).ToDictionary(f => f.File, f => f.Content), write, table, spec);
    }

    public float[] Row(int index) => this.Rows.AsSpan(index * this.Width, this.Width).ToArray();

    /// <summary>Assembles, signs and publishes the package of version <paramref name="version"/>; returns its digest.</summary>
    public async Task<string> PublishAsync(BlobServiceClient blobs, PackageSigner signer, int version)
    {
        PackageContent content = PackageAssembler.Assemble(this.Sources(version));
        BinaryData signature = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(signer.Sign(content.ManifestBytes.ToArray()), JsonSerializerOptions.Web));
        await new BlobModelPackageStore(blobs).PublishAsync(content.Digest, content.Files, content.ManifestBytes, signature);
        return content.Digest;
    }

    /// <summary>Every output of the model for <paramref name="rows"/>, computed here by ONNX Runtime (CPU build), as doubles.</summary>
    public Dictionary<string, double[]> ScoreInProcess(float[] rows)
    {
        using OnnxSession session = OnnxSessionFactory.Create(this.Onnx);
        var input = new DenseTensor<float>(rows, [rows.Length / this.Width, this.Width]);
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Session.Run([NamedOnnxValue.CreateFromTensor(OnnxModelExporter.InputName, input)]);
        return results.ToDictionary(
            r => r.Name,
            r => r.Value switch
            {
                Tensor<float> f => f.Select(v => (double)v).ToArray(),
                Tensor<bool> b => b.Select(v => v ? 1.0 : 0.0).ToArray(),
                _ => throw new InvalidOperationException($"Unexpected output type of {r.Name}."),
            });
    }

    private static async IAsyncEnumerable<CsvBatch> Batches(string path)
    {
        await using var reader = new CsvRecordReader(File.OpenRead(path));
        await foreach (CsvBatch batch in reader.ReadBatchesAsync())
        {
            yield return batch;
        }
    }

    /// <summary>The sources of a registered version as the package builder gathers them (registry, tracking, feature store).</summary>
    private PackageSources Sources(int version)
    {
        string featureSetSha = new('a', 64);
        string snapshotSha = new('b', 64);
        var modelVersion = new ModelVersion
        {
            Project = "credit-scoring",
            Name = "credit",
            Version = version,
            RunId = "exp-worker-t001",
            FeatureSetVersion = 1,
            FeatureSetSha256 = featureSetSha,
            DataSha256 = snapshotSha,
            SpecSha256 = new string('c', 64),
            ArtifactUri = string.Create(CultureInfo.InvariantCulture, $"models/credit-scoring/credit/{version}/"),
            Metrics = new Dictionary<string, double> { ["Auc"] = 0.8 },
            CreatedAt = RegisteredAt,
            CreatedBy = "data-scientist",
        };
        return new PackageSources
        {
            Version = modelVersion,
            MlflowFiles = this.Mlflow,
            Run = new RunRecord
            {
                Project = modelVersion.Project,
                Experiment = "exp",
                RunId = modelVersion.RunId,
                Status = RunStatus.Completed,
                StartTime = RegisteredAt,
                FeatureSetVersion = 1,
                FeatureSetSha256 = featureSetSha,
                Metrics = new Dictionary<string, double> { ["holdout_Auc"] = 0.8 },
            },
            FeatureSet = new FeatureSetVersion
            {
                Project = modelVersion.Project,
                Version = 1,
                Sha256 = featureSetSha,
                DataBlob = "features/credit-scoring/data.parquet",
                Rows = this.Table.Rows,
                EntityKey = "application_id",
                Label = "Status",
                Features = this.Table.FeatureNames,
                DefinitionsSha256 = this.Write.Features.DefinitionsSha256,
                SourceBlob = "landing/credit-scoring/credit_data.csv",
                SourceETag = "0x1",
                RawSnapshotSha256 = snapshotSha,
                SpecSha256 = modelVersion.SpecSha256,
                CreatedAt = RegisteredAt,
                Split = this.Write.Split,
                Fitted = this.Write.Features,
            },
            FeatureSpec = this.Spec,
            SpecVersion = 1,
            Labels = ["good", "bad"],
        };
    }
}
