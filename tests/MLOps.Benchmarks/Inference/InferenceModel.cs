using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core;
using MLOps.Core.Packaging;
using MLOps.Core.Requirements;
using MLOps.Core.Storage;
using MLOps.Training.Data;
using MLOps.Training.Onnx;
using MLOps.Training.Trainers;
using MLOps.Training.Training;

namespace MLOps.Benchmarks.Inference;

/// <summary>
/// The benchmark's model: a FastTree binary classifier (100 trees of 20 leaves, 20 features, like a credit model)
/// trained and exported by MLOps.Training, and a signed package of it written in the package format.
/// </summary>
public sealed class InferenceModel
{
    public const int Width = 20;

    private InferenceModel(byte[] onnx, float[] rows)
    {
        this.Onnx = onnx;
        this.Rows = rows;
    }

    public byte[] Onnx { get; }

    /// <summary>1,024 rows to score, row-major, a few values missing.</summary>
    public float[] Rows { get; }

    public static InferenceModel Train()
    {
        var random = new Random(3);
        const int n = 4000;
        float[][] x = [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, Width).Select(c => (i * 7 + c) % 29 == 0 ? float.NaN : (float)random.NextDouble()).ToArray())];
        bool[] y = [.. x.Select(r => r.Take(5).Sum(v => float.IsNaN(v) ? 0.5f : v) + ((float)random.NextDouble() - 0.5f) > 2.5f)];
        string[] names = [.. Enumerable.Range(0, Width).Select(i => "f" + i.ToString(CultureInfo.InvariantCulture))];
        string[] keys = [.. Enumerable.Range(1, n).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        TrainingTable table = TrainingTable.Create(ModelTask.BinaryClassification, names, keys, x, binaryLabels: y);
        TrainedModel model = ModelTrainer.Train(table, Algorithm.FastTree, new Dictionary<string, string>
        {
            [HyperParameters.NumberOfTrees] = "100",
            [HyperParameters.NumberOfLeaves] = "20",
        }, seed: 1);
        float[] rows = [.. Enumerable.Range(0, 1024 * Width).Select(i => i % 37 == 5 ? float.NaN : (float)random.NextDouble())];
        return new InferenceModel(OnnxModelExporter.Export(model), rows);
    }

    /// <summary>Writes the package (files, manifest.json, then manifest.sig create-if-absent) and returns its digest.</summary>
    public async Task<string> WritePackageAsync(BlobServiceClient blobs, PackageSigner signer)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(signer);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["model/model.onnx"] = this.Onnx,
            ["package.json"] = Encoding.UTF8.GetBytes("""{"formatVersion":1,"project":"bench","model":"credit","version":1}"""),
        };
        byte[] manifest = new PackageManifest
        {
            Project = "bench",
            Model = "credit",
            Version = 1,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Files = [.. files.Select(f => new PackageFile(f.Key, ContentHash.Sha256(f.Value), f.Value.Length))],
        }.ToBytes();
        string digest = PackageManifest.DigestOf(manifest);
        BlobContainerClient container = blobs.GetBlobContainerClient(BlobContainers.Packages);
        await container.CreateIfNotExistsAsync();
        foreach ((string path, byte[] content) in files.Append(new(PackageFormat.ManifestFile, manifest)))
        {
            await container.GetBlobClient($"{digest}/{path}").UploadAsync(new BinaryData(content), overwrite: true);
        }

        await container.GetBlobClient($"{digest}/{PackageFormat.SignatureFile}").UploadAsync(
            new BinaryData(JsonSerializer.SerializeToUtf8Bytes(signer.Sign(manifest), JsonSerializerOptions.Web)),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } });
        return digest;
    }
}
