using System.Net;
using System.Security.Cryptography;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Workers;
using Xunit.Abstractions;

namespace MLOps.IntegrationTests.Workers;

[Collection(WorkerCollection.Name)]
public sealed class WorkerLoadTests(WorkerFixture workers, ITestOutputHelper output)
{
    [Fact]
    public async Task A_verified_package_loads_and_serves_the_scores_onnx_runtime_computes_in_process()
    {
        string digest = await workers.PackageAsync(version: 3);
        InferenceWorkerClient client = workers.Client(workers.Default);

        WorkerModelMetadata loaded = await client.LoadAsync("credit-scoring.parity", digest);
        InferenceResult result = await client.InferAsync("credit-scoring.parity", null, workers.Model.Rows, WorkerFixture.Width, new InferenceRequestOptions { Id = "req-42" });

        Assert.Equal("credit-scoring.parity", loaded.Name);
        Assert.Equal(["3"], loaded.Versions);
        Assert.Equal(WorkerProtocol.Platform, loaded.Platform);
        Assert.Equal(digest, loaded.Package);
        Assert.Equal(WorkerProtocol.CpuProvider, loaded.Provider);
        WorkerTensorMetadata input = Assert.Single(loaded.Inputs);
        Assert.Equal(("Features", "FP32"), (input.Name, input.Datatype));
        Assert.Equal([-1L, WorkerFixture.Width], input.Shape);
        Assert.Equal(["Features.output", "PredictedLabel.output", "Score.output", "Probability.output"], loaded.Outputs.Select(o => o.Name));
        Assert.Equal(["FP32", "BOOL", "FP32", "FP32"], loaded.Outputs.Select(o => o.Datatype));

        Assert.Equal("req-42", result.Id);
        Assert.Equal(("credit-scoring.parity", "3"), (result.ModelName, result.ModelVersion));
        Dictionary<string, double[]> expected = workers.Model.ScoreInProcess(workers.Model.Rows);
        foreach (InferenceOutput actual in result.Outputs)
        {
            Assert.Equal(workers.Model.RowCount, actual.Shape[0]);
            double worst = expected[actual.Name].Zip(actual.Data, (e, a) => double.IsNaN(e) && double.IsNaN(a) ? 0 : Math.Abs(e - a)).Max();
            output.WriteLine($"{actual.Name} [{string.Join(", ", actual.Shape)}]: largest difference from in-process ONNX Runtime {worst:G3}");
            Assert.Equal(expected[actual.Name], actual.Data);
        }

        // The rows with missing values were scored, not rejected, and the probabilities are not all alike.
        Assert.Contains(workers.Model.Rows, float.IsNaN);
        Assert.True(result.Scores("Probability.output").Distinct().Count() > 5);
    }

    [Theory]
    [InlineData("model/model.onnx", 101, "'model/model.onnx' does not match its manifest entry")]
    [InlineData("package.json", 102, "'package.json' does not match its manifest entry")]
    [InlineData("manifest.json", 103, "'manifest.json' does not hash to the package's digest")]
    public async Task A_package_with_one_flipped_byte_is_refused_with_the_reason(string file, int version, string reason)
    {
        string digest = await workers.PackageAsync(version);
        await workers.FlipByteAsync(digest, file, at: 40);
        InferenceWorkerClient client = workers.Client(workers.Default);
        string name = "tampered-" + file.Replace('/', '-');

        InferenceWorkerException refused = await Assert.ThrowsAsync<InferenceWorkerException>(() => client.LoadAsync(name, digest));

        output.WriteLine(refused.Error);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains(reason, refused.Error, StringComparison.Ordinal);
        Assert.Contains(digest, refused.Error, StringComparison.Ordinal);
        Assert.False(await client.IsModelReadyAsync(name));
        WorkerModelIndexEntry entry = Assert.Single(await client.GetIndexAsync(), e => e.Name == name);
        Assert.Equal("UNAVAILABLE", entry.State);
        Assert.Contains(reason, entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_slipped_into_a_package_folder_is_refused()
    {
        string digest = await workers.PackageAsync(version: 104);
        await workers.Blobs.GetBlobContainerClient("packages").GetBlobClient($"{digest}/model/extra.onnx").UploadAsync(new BinaryData(workers.Model.Onnx));

        InferenceWorkerException refused = await Assert.ThrowsAsync<InferenceWorkerException>(() => workers.Client(workers.Default).LoadAsync("slipped", digest));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("'model/extra.onnx' is in the package but not in its manifest", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_signed_by_an_untrusted_key_is_refused()
    {
        using var stranger = new PackageSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        string digest = await workers.PackageAsync(version: 7, stranger);

        InferenceWorkerException refused = await Assert.ThrowsAsync<InferenceWorkerException>(() => workers.Client(workers.Default).LoadAsync("untrusted", digest));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains($"signed by key '{stranger.KeyId}', which is not trusted", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_package_or_a_malformed_load_is_refused_at_the_door()
    {
        InferenceWorkerClient client = workers.Client(workers.Default);
        string absent = new('a', 64);

        InferenceWorkerException missing = await Assert.ThrowsAsync<InferenceWorkerException>(() => client.LoadAsync("absent", absent));
        InferenceWorkerException notDigest = await Assert.ThrowsAsync<InferenceWorkerException>(() => client.LoadAsync("absent", "ABC"));
        InferenceWorkerException badName = await Assert.ThrowsAsync<InferenceWorkerException>(() => client.LoadAsync("-bad name", absent));
        using HttpResponseMessage noBody = await this.PostAsync("v2/repository/models/absent/load", "{\"parameters\":{}}");

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains($"No package {absent}", missing.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notDigest.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badName.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
    }

    [Fact]
    public async Task Versions_of_a_name_are_served_side_by_side_and_unload_removes_them()
    {
        string v5 = await workers.PackageAsync(version: 5);
        string v6 = await workers.PackageAsync(version: 6);
        InferenceWorkerClient client = workers.Client(workers.Default);
        const string name = "versioned";
        float[] row = workers.Model.Row(0);

        await client.LoadAsync(name, v5);
        WorkerModelMetadata both = await client.LoadAsync(name, v6);
        InferenceResult latest = await client.InferAsync(name, null, row, WorkerFixture.Width);
        InferenceResult pinned = await client.InferAsync(name, "5", row, WorkerFixture.Width);
        WorkerModelMetadata fifth = await client.GetMetadataAsync(name, "5");
        await client.UnloadAsync(name);
        await client.UnloadAsync(name);
        InferenceWorkerException gone = await Assert.ThrowsAsync<InferenceWorkerException>(() => client.InferAsync(name, null, row, WorkerFixture.Width));

        Assert.Equal(["5", "6"], both.Versions);
        Assert.Equal(v6, both.Package);
        Assert.Equal("6", latest.ModelVersion);
        Assert.Equal("5", pinned.ModelVersion);
        Assert.Equal(v5, fifth.Package);
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.DoesNotContain(await client.GetIndexAsync(), e => e.Name == name);
    }

    [Fact]
    public async Task The_access_key_guards_every_route_but_health()
    {
        var stranger = new InferenceWorkerClient(workers.Http, workers.Default.Endpoint, accessKey: "not-the-key");

        Assert.True(await stranger.IsReadyAsync());
        InferenceWorkerException refused = await Assert.ThrowsAsync<InferenceWorkerException>(() => stranger.GetIndexAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(workers.Default.Endpoint, path))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", workers.Default.AccessKey);
        return await workers.Http.SendAsync(request);
    }
}
