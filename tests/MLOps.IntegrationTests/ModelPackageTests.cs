using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Packaging;
using MLOps.Core.Registry;
using MLOps.Core.Tracking;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.IntegrationTests.Registry;
using MLOps.Training.Metrics;

namespace MLOps.IntegrationTests;

/// <summary>
/// The model package of a version the real pipelines registered (requirements → data → experiment on the bundled
/// credit data), built on Azurite: it verifies, a rebuild gives the same digest, its contract turns the raw holdout
/// rows of credit_data.csv into exactly the offline feature set's rows, its ONNX model scores them as the run
/// tracked, and a changed byte is caught naming the file.
/// </summary>
[Collection(PlatformCollection.Name)]
public class ModelPackageTests(PlatformFixture platform, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] LogisticOnly = ["LogisticRegression"];

    [Fact]
    public async Task A_registered_credit_model_is_packaged_verified_and_scores_the_raw_holdout_rows_as_tracked()
    {
        string project = Projects.NewName("pkg");
        await platform.CreditFeatureSetAsync(project);
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/experiment", TestKeys.DataScientist, new
        {
            project,
            algorithms = LogisticOnly,
            search = new[] { new { strategy = "Random", trials = 2 } },
            folds = 3,
            maxParallel = 2,
        });
        Assert.True(started.Status == HttpStatusCode.Accepted, $"{started.Status} {started.Json}");
        JsonElement done = await platform.WaitForEndAsync(started.Json.GetProperty("id").GetString()!, TimeSpan.FromMinutes(8));
        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        string runId = done.GetProperty("output").GetProperty("bestRunId").GetString()!;
        Assert.Equal(1, done.GetProperty("output").GetProperty("registered").GetProperty("version").GetInt32());

        // Build, then build again: the same digest, and the stored package is left as it was.
        PackageBuilder builder = platform.Services.GetRequiredService<PackageBuilder>();
        BuiltPackage built = await builder.BuildAsync(new BuildPackageRequest(project, project, 1));
        BlobContainerClient packages = platform.Blobs.GetBlobContainerClient("packages");
        Azure.ETag signatureTag = (await packages.GetBlobClient($"{built.Digest}/manifest.sig").GetPropertiesAsync()).Value.ETag;
        BuiltPackage rebuilt = await builder.BuildAsync(new BuildPackageRequest(project, project, 1));
        output.WriteLine($"package {built.Digest}: {built.Files} files, {built.Bytes} bytes");
        Assert.Equal((built.Digest, true, false), (rebuilt.Digest, built.Published, rebuilt.Published));
        Assert.Equal(signatureTag, (await packages.GetBlobClient($"{built.Digest}/manifest.sig").GetPropertiesAsync()).Value.ETag);

        ModelPackageReader reader = platform.Services.GetRequiredService<ModelPackageReader>();
        ModelPackage package = (await reader.OpenAsync(built.Digest))!;
        PackageDescriptor descriptor = package.Descriptor;
        ModelVersion version = (await platform.Services.GetRequiredService<IModelRegistry>().GetVersionAsync(project, project, 1))!;
        RunRecord run = (await platform.Services.GetRequiredService<IExperimentTracker>().GetRunAsync(project, runId))!;
        Assert.Equal((runId, 1, version.FeatureSetSha256, version.DataSha256, 1), (descriptor.Lineage.RunId, descriptor.Lineage.FeatureSetVersion, descriptor.Lineage.FeatureSetSha256, descriptor.Lineage.SnapshotSha256, descriptor.Lineage.SpecVersion));
        Assert.Equal((PackageBuildState.Built, built.Digest), (version.Package.State, version.Package.Digest));
        Assert.Equal(version.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal), descriptor.Metrics);
        Assert.Equal(run.Metrics["decision_threshold"], descriptor.DecisionThreshold);
        Assert.Equal(["good", "bad"], descriptor.Labels);

        // The raw holdout rows of credit_data.csv, encoded by the package's contract, are the offline feature set's rows.
        OfflineFeatureStore offline = platform.Services.GetRequiredService<OfflineFeatureStore>();
        FeatureSetVersion featureSet = (await offline.GetAsync(project, "1"))!;
        var holdout = new List<(string Key, float[] Row, bool Bad)>();
        await foreach (FeatureFrame frame in offline.ReadAsync(featureSet))
        {
            for (int r = 0; r < frame.Rows; r++)
            {
                if (frame.Holdout![r])
                {
                    holdout.Add((frame.Keys[r], [.. descriptor.Input.FeatureNames.Select(n => (float)frame.Find(n)!.Values[r])], frame.Labels![r] == "bad"));
                }
            }
        }

        Dictionary<string, IReadOnlyDictionary<string, string?>> raw = await RawCreditRecordsAsync();
        IReadOnlyList<EncodedRecord> encoded = package.Contract.CreateEncoder().Encode([.. holdout.Select(h => raw[h.Key])]);
        Assert.Equal(891, holdout.Count);
        for (int i = 0; i < holdout.Count; i++)
        {
            Assert.True(encoded[i].Encoded, $"record {holdout[i].Key}: {string.Join("; ", encoded[i].Problems)}");
            Assert.True(
                holdout[i].Row.Select(BitConverter.SingleToInt32Bits).SequenceEqual(encoded[i].Values!.Select(BitConverter.SingleToInt32Bits)),
                $"record {holdout[i].Key}: feature set [{string.Join(", ", holdout[i].Row)}], contract [{string.Join(", ", encoded[i].Values!)}]");
        }

        // Its ONNX model scores them as the run tracked its holdout (ML.NET's scores; ONNX agrees within 1e-5 per row).
        float[] scores = Score(await package.ReadModelAsync(), descriptor, [.. encoded.Select(e => e.Values!)]);
        bool[] labels = [.. holdout.Select(h => h.Bad)];
        double auc = MetricsCalculator.Auc(labels, scores);
        IReadOnlyDictionary<string, double> atThreshold = MetricsCalculator.Binary(labels, scores, descriptor.DecisionThreshold!.Value).ToDictionary();
        output.WriteLine($"holdout AUC {auc:R} (tracked {run.Metrics["holdout_Auc"]:R}); F1 at {descriptor.DecisionThreshold:R}: {atThreshold["F1"]:R} (tracked {run.Metrics["holdout_at_threshold_F1"]:R})");
        Assert.Equal(run.Metrics["holdout_Auc"], auc, 1e-4);
        Assert.Equal(descriptor.Metrics["Auc"], auc, 1e-4);
        foreach (string metric in new[] { "Precision", "Recall", "F1", "Accuracy" })
        {
            // One of 891 labels flipping at the threshold would move these by about 1e-3.
            Assert.Equal(run.Metrics["holdout_at_threshold_" + metric], atThreshold[metric], 5e-4);
        }

        // The registry and the package route show the build; the route verifies before it answers.
        ApiResponse versionResponse = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/{project}/versions/1", TestKeys.DataScientist);
        Assert.Equal(("Built", built.Digest), (versionResponse.Json.GetProperty("package").GetProperty("state").GetString(), versionResponse.Json.GetProperty("package").GetProperty("digest").GetString()));
        ApiResponse model = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/{project}", TestKeys.Operations);
        Assert.Equal(built.Digest, model.Json.GetProperty("versions")[0].GetProperty("package").GetProperty("digest").GetString());
        ApiResponse found = await platform.SendAsync(HttpMethod.Get, $"api/packages/{built.Digest}", TestKeys.Operations);
        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.True(found.Json.GetProperty("verified").GetBoolean());
        Assert.Equal((project, 1, "Built"), (found.Json.GetProperty("package").GetProperty("model").GetString(), found.Json.GetProperty("package").GetProperty("version").GetInt32(), found.Json.GetProperty("build").GetProperty("state").GetString()));
        Assert.Equal(built.Files, found.Json.GetProperty("manifest").GetProperty("files").GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.SendAsync(HttpMethod.Get, $"api/packages/{built.Digest}", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/packages/{new string('0', 64)}", TestKeys.Operations)).Status);
        ApiResponse bad = await platform.SendAsync(HttpMethod.Get, $"api/packages/{built.Digest.ToUpperInvariant()}", TestKeys.Operations);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("digest: must be a package digest", bad.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // One byte of one stored file changed: opening fails naming the file, and so does the route (409, not 500).
        BlobClient mlmodel = packages.GetBlobClient($"{built.Digest}/model/MLmodel");
        byte[] bytes = (await mlmodel.DownloadContentAsync()).Value.Content.ToArray();
        bytes[bytes.Length / 2] ^= 0x20;
        await mlmodel.UploadAsync(BinaryData.FromBytes(bytes), overwrite: true);
        InvalidPackageException tampered = await Assert.ThrowsAsync<InvalidPackageException>(() => reader.OpenAsync(built.Digest));
        Assert.Contains("'model/MLmodel' does not match its manifest entry", tampered.Message, StringComparison.Ordinal);
        ApiResponse refused = await platform.SendAsync(HttpMethod.Get, $"api/packages/{built.Digest}", TestKeys.Operations);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("'model/MLmodel'", refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_that_cannot_be_packaged_shows_the_failed_build_and_why()
    {
        // A committed version whose run was never tracked: its sources cannot be read.
        string project = Projects.NewName("pkgfail");
        IModelRegistry registry = platform.Services.GetRequiredService<IModelRegistry>();
        ModelVersion registered = await registry.RegisterAsync(new ModelVersionRequest
        {
            Project = project,
            Name = "churn",
            RunId = "no-such-run",
            FeatureSetVersion = 1,
            FeatureSetSha256 = new string('a', 64),
            DataSha256 = new string('b', 64),
            SpecSha256 = new string('c', 64),
            CreatedBy = "data-scientist",
        });

        PackageBuilder builder = platform.Services.GetRequiredService<PackageBuilder>();
        KeyNotFoundException refused = await Assert.ThrowsAsync<KeyNotFoundException>(() => builder.BuildAsync(new BuildPackageRequest(project, "churn", registered.Version)));
        ArgumentException invalid = await Assert.ThrowsAsync<ArgumentException>(() => builder.BuildAsync(new BuildPackageRequest(project, "churn", 0)));
        ApiResponse version = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/churn/versions/{registered.Version}", TestKeys.DataScientist);

        Assert.Contains("Run 'no-such-run'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("version: must be a version number from 1", invalid.Message, StringComparison.Ordinal);
        JsonElement package = version.Json.GetProperty("package");
        Assert.Equal(("Failed", refused.Message), (package.GetProperty("state").GetString(), package.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.Null, package.GetProperty("digest").ValueKind);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => builder.BuildAsync(new BuildPackageRequest(project, "churn", registered.Version + 1)));
    }

    /// <summary>credit_data.csv's records by their generated entity key (the record number), target left out.</summary>
    private static async Task<Dictionary<string, IReadOnlyDictionary<string, string?>>> RawCreditRecordsAsync()
    {
        await using var reader = new CsvRecordReader(File.OpenRead(Projects.DataPath("credit_data.csv")));
        IReadOnlyList<string> columns = await reader.ReadHeaderAsync();
        var records = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
        await foreach (CsvBatch batch in reader.ReadBatchesAsync())
        {
            foreach (CsvRecord record in batch.Records)
            {
                records[record.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)] = columns
                    .Select((c, i) => (c, record.Fields[i]))
                    .Where(p => p.c != "Status")
                    .ToDictionary(p => p.c, p => (string?)p.Item2, StringComparer.Ordinal);
            }
        }

        return records;
    }

    /// <summary>The package's score output for each row, by ONNX Runtime's CPU provider.</summary>
    private static float[] Score(byte[] onnx, PackageDescriptor descriptor, IReadOnlyList<IReadOnlyList<float>> rows)
    {
        using var session = new InferenceSession(onnx);
        var input = new DenseTensor<float>([rows.Count, descriptor.Input.Width]);
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < descriptor.Input.Width; c++)
            {
                input[r, c] = rows[r][c];
            }
        }

        string score = descriptor.Outputs.Single(o => o.Score == true).Name;
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results =
            session.Run([NamedOnnxValue.CreateFromTensor(descriptor.Input.Name, input)], [score]);
        float[] values = [.. results[0].AsEnumerable<float>()];
        int width = values.Length / rows.Count;
        return [.. Enumerable.Range(0, rows.Count).Select(r => values[r * width])];
    }
}
