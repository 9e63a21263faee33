using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Workers;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.LocalHost;
using MLOps.LocalHost.Workers;
using Xunit.Abstractions;

namespace MLOps.IntegrationTests.Serving;

/// <summary>
/// Serving end to end on the embedded host, a real Azurite and a real ONNX worker process: the bundled credit data
/// through requirements → data → experiment, the registered version packaged, an endpoint pointed at the package, and
/// the raw holdout records of credit_data.csv scored over HTTP, by key and in batch.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ServingTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const string Endpoint = "credit";

    private static readonly string[] OneKey = ["1"];

    /// <summary>One deployed credit model for the tests of this class (training it takes a while on two cores).</summary>
    private static Task<Deployed>? deployed;

    private static readonly Lock Gate = new();

    [Fact]
    public async Task Raw_holdout_records_scored_over_http_give_the_registered_holdout_auc_and_keys_and_batch_give_the_same_scores()
    {
        Deployed model = await this.DeployAsync();
        DateTimeOffset from = DateTimeOffset.UtcNow.AddSeconds(-1);

        // The raw holdout records, in requests of 200, as an application sends them.
        var online = new Dictionary<string, float>(StringComparer.Ordinal);
        var requestIds = new List<string>();
        foreach (HoldoutRecord[] part in model.Holdout.Chunk(200))
        {
            ApiResponse scored = await platform.SendAsync(HttpMethod.Post, $"api/projects/{model.Project}/endpoints/{Endpoint}/score", TestKeys.Application,
                new JsonObject { ["rows"] = new JsonArray([.. part.Select(r => (JsonNode)r.Json.DeepClone())]) }.ToJsonString());
            Assert.True(scored.Status == HttpStatusCode.OK, $"{scored.Status}: {scored.Json}");
            Assert.Equal(model.Digest, scored.Json.GetProperty("package").GetString());
            Assert.Equal(1, scored.Json.GetProperty("modelVersion").GetInt32());
            Assert.Equal(scored.Json.GetProperty("requestId").GetString(), scored.Headers.GetValues("x-request-id").Single());
            requestIds.Add(scored.Json.GetProperty("requestId").GetString()!);
            JsonElement[] results = [.. scored.Json.GetProperty("results").EnumerateArray()];
            Assert.Equal(part.Length, results.Length);
            for (int i = 0; i < part.Length; i++)
            {
                float score = results[i].GetProperty("score").GetSingle();
                online[part[i].Key] = score;
                Assert.Equal(score >= model.Threshold ? "bad" : "good", results[i].GetProperty("label").GetString());
            }
        }

        double auc = Auc(model.Holdout.Select(r => (double)online[r.Key]).ToArray(), model.Holdout.Select(r => r.Label == "bad").ToArray());
        output.WriteLine($"{model.Holdout.Count} holdout records scored online: AUC {auc:F8}; registered {model.RegisteredAuc:F8}");
        Assert.Equal(model.RegisteredAuc, auc, 1e-6);

        // The same entities by key: the online store's vectors give the same scores, bit for bit.
        foreach (HoldoutRecord[] part in model.Holdout.Chunk(500))
        {
            ApiResponse byKey = await platform.SendAsync(HttpMethod.Post, $"api/projects/{model.Project}/endpoints/{Endpoint}/score", TestKeys.Application,
                new { keys = part.Select(r => r.Key) });
            Assert.True(byKey.Status == HttpStatusCode.OK, $"{byKey.Status}: {byKey.Json}");
            requestIds.Add(byKey.Json.GetProperty("requestId").GetString()!);
            JsonElement[] results = [.. byKey.Json.GetProperty("results").EnumerateArray()];
            Assert.All(part.Zip(results), p =>
            {
                Assert.Equal(p.First.Key, p.Second.GetProperty("key").GetString());
                Assert.Equal(online[p.First.Key], p.Second.GetProperty("score").GetSingle());
            });
        }

        // A worker that lacks the deployment (restarted, or joined later) loads it on its first score: the same scores.
        InferenceWorkerPool pool = platform.Services.GetRequiredService<InferenceWorkerPool>();
        string servingName = $"{model.Project}.{Endpoint}.d-{model.Digest[..12]}";
        foreach (InferenceWorkerClient worker in await pool.GetReadyAsync())
        {
            await worker.UnloadAsync(servingName);
            Assert.False(await worker.IsModelReadyAsync(servingName));
        }

        // The same 200 records as the first request: ONNX Runtime takes another kernel for a single row, whose float
        // rounding can differ in the last bit, so a batch is compared with a batch of the same size.
        HoldoutRecord[] first200 = [.. model.Holdout.Take(200)];
        ApiResponse reloaded = await platform.SendAsync(HttpMethod.Post, $"api/projects/{model.Project}/endpoints/{Endpoint}/score", TestKeys.Application,
            new JsonObject { ["rows"] = new JsonArray([.. first200.Select(r => (JsonNode)r.Json.DeepClone())]) }.ToJsonString());
        Assert.True(reloaded.Status == HttpStatusCode.OK, $"{reloaded.Status}: {reloaded.Json}");
        Assert.Equal(first200.Select(r => online[r.Key]), reloaded.Json.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("score").GetSingle()));
        requestIds.Add(reloaded.Json.GetProperty("requestId").GetString()!);

        // The request log holds every request, by time window, with its inputs and outputs.
        DateTimeOffset to = DateTimeOffset.UtcNow.AddSeconds(1);
        List<RequestLogEntry> logged = [];
        await foreach (RequestLogEntry entry in platform.Services.GetRequiredService<IRequestLog>().ReadAsync(model.Project, Endpoint, from, to))
        {
            logged.Add(entry);
        }

        Assert.Equal(requestIds.Order(StringComparer.Ordinal), logged.Where(e => requestIds.Contains(e.RequestId)).Select(e => e.RequestId).Order(StringComparer.Ordinal));
        RequestLogEntry first = logged.Single(e => e.RequestId == requestIds[0]);
        Assert.Equal((200, model.Digest, 1, "application"), (first.Status, first.Package, first.ModelVersion, first.Principal));
        Assert.Equal(model.Holdout[0].Json.ToJsonString(), first.Inputs![0]!.ToJsonString());
        Assert.Equal(online[model.Holdout[0].Key], first.Outputs![0].Score);
        Assert.Empty(await this.ReadLogAsync(model.Project, from.AddHours(-3), from.AddHours(-2)));

        // Batch: the whole file, fanned out over chunks, gives the online scores for the same records.
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/batch-scoring", TestKeys.Application,
            new { project = model.Project, endpoint = Endpoint, input = $"landing/{model.Project}/credit_data.csv" });
        Assert.True(started.Status == HttpStatusCode.Accepted, $"{started.Status}: {started.Json}");
        JsonElement done = await platform.WaitForEndAsync(started.Json.GetProperty("id").GetString()!, TimeSpan.FromMinutes(3));
        Assert.True(done.GetProperty("runtimeStatus").GetString() == "Completed", done.ToString());
        JsonElement report = done.GetProperty("output");
        Assert.Equal(("completed", 5, 5), (done.GetProperty("customStatus").GetProperty("stage").GetString(), done.GetProperty("customStatus").GetProperty("completed").GetInt32(), done.GetProperty("customStatus").GetProperty("total").GetInt32()));
        Assert.Equal((4454L, 4454L, 0L), (report.GetProperty("rows").GetInt64(), report.GetProperty("scored").GetInt64(), report.GetProperty("refused").GetInt64()));
        string[] blob = report.GetProperty("output").GetString()!.Split('/', 2);
        string csv = (await platform.Blobs.GetBlobContainerClient(blob[0]).GetBlobClient(blob[1]).DownloadContentAsync()).Value.Content.ToString();
        string[] lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("row,key,status,score,label,problems", lines[0]);
        Dictionary<string, string[]> batch = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[1], StringComparer.Ordinal);
        Assert.Equal(4454, batch.Count);
        Assert.All(model.Holdout, r => Assert.Equal(online[r.Key], float.Parse(batch[r.Key][3], CultureInfo.InvariantCulture)));
        Assert.Equal(Enumerable.Range(1, 4454).Select(i => i.ToString(CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split(',')[0]));

        // A second run of the same input and package finds the output committed.
        ApiResponse again = await platform.SendAsync(HttpMethod.Post, "api/pipelines/batch-scoring", TestKeys.Application,
            new { project = model.Project, endpoint = Endpoint, input = $"landing/{model.Project}/credit_data.csv" });
        JsonElement repeated = await platform.WaitForEndAsync(again.Json.GetProperty("id").GetString()!, TimeSpan.FromMinutes(2));
        Assert.Equal(report.GetProperty("output").GetString(), repeated.GetProperty("output").GetProperty("output").GetString());
    }

    [Fact]
    public async Task Bad_records_are_refused_row_by_row_and_bad_requests_as_a_whole_each_with_its_4xx_and_logged()
    {
        Deployed model = await this.DeployAsync();
        string score = $"api/projects/{model.Project}/endpoints/{Endpoint}/score";
        JsonObject Good() => (JsonObject)model.Holdout[0].Json.DeepClone();
        JsonObject missing = Good(), wrongType = Good(), notANumber = Good(), unknown = Good(), outOfRange = Good();
        missing.Remove("Price");
        wrongType["Seniority"] = "ten";
        notANumber["Income"] = "NaN";
        unknown["Home"] = "castle";
        outOfRange["Time"] = 100;

        ApiResponse rows = await platform.SendAsync(HttpMethod.Post, score, TestKeys.Application,
            new JsonObject { ["rows"] = new JsonArray(Good(), missing, wrongType, notANumber, unknown, outOfRange) }.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, rows.Status);
        Assert.Equal("application/problem+json", rows.MediaType);
        JsonElement[] judged = [.. rows.Json.GetProperty("rows").EnumerateArray()];
        Assert.Equal([200, 400, 400, 400, 400, 400], judged.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal(
            ["Price:MissingColumn", "Seniority:WrongType", "Income:WrongType", "Home:UnknownCategory", "Time:OutOfRange"],
            judged.Skip(1).Select(r => r.GetProperty("problems").EnumerateArray().Single()).Select(p => $"{p.GetProperty("column").GetString()}:{p.GetProperty("kind").GetString()}"));
        string[] errors = [.. rows.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
        Assert.Contains(errors, e => e.StartsWith("$.rows[1].Price:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.rows[4].Home:", StringComparison.Ordinal) && e.Contains("castle", StringComparison.Ordinal));
        Assert.False(rows.Json.TryGetProperty("results", out _));

        // Keys: one the online store does not hold makes the request a 404, naming that row.
        ApiResponse keys = await platform.SendAsync(HttpMethod.Post, score, TestKeys.Application, new { keys = new[] { model.Holdout[0].Key, "no-such-application" } });
        Assert.Equal(HttpStatusCode.NotFound, keys.Status);
        Assert.Equal([200, 404], keys.Json.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("status").GetInt32()));

        // Too many rows, and a body that is not the contract's shape: refused as a whole.
        ApiResponse tooMany = await platform.SendAsync(HttpMethod.Post, score, TestKeys.Application,
            new JsonObject { ["rows"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => (JsonNode)Good())]) }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Contains("Serving:MaxRows", tooMany.Json.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        ApiResponse nested = await platform.SendAsync(HttpMethod.Post, score, TestKeys.Application, """{"rows":[{"Age":[30]}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, nested.Status);

        // A package that is not built cannot be deployed; an endpoint that does not exist cannot score.
        ApiResponse notBuilt = await platform.SendAsync(HttpMethod.Put, $"api/projects/{model.Project}/endpoints/other", TestKeys.Operations, new { package = new string('c', 64) });
        Assert.Equal(HttpStatusCode.NotFound, notBuilt.Status);
        Assert.Contains("package: no built package has digest", notBuilt.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        ApiResponse nowhere = await platform.SendAsync(HttpMethod.Post, $"api/projects/{model.Project}/endpoints/other/score", TestKeys.Application, new { keys = OneKey });
        Assert.Equal(HttpStatusCode.NotFound, nowhere.Status);
        ApiResponse stale = await platform.SendAsync(HttpMethod.Put, $"api/projects/{model.Project}/endpoints/{Endpoint}", TestKeys.Operations, new { package = model.Digest, expectedRevision = 7 });
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);

        // Every refusal that reached the endpoint is in the log with its status and each row's outcome.
        string[] ids = [.. new[] { rows, keys, tooMany, nested }.Select(r => r.Headers.GetValues("x-request-id").Single())];
        List<RequestLogEntry> logged = await this.ReadLogAsync(model.Project, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal([400, 404, 400, 400], ids.Select(id => logged.Single(e => e.RequestId == id).Status));
        Assert.Equal([200, 400, 400, 400, 400, 400], logged.Single(e => e.RequestId == ids[0]).Outputs!.Select(o => o.Status));
        Assert.Equal(6, logged.Single(e => e.RequestId == ids[0]).Inputs!.Count);
    }

    [Fact]
    public async Task With_no_ready_worker_a_score_is_a_503_with_retry_after_and_a_package_changed_in_storage_is_refused()
    {
        Deployed model = await this.DeployAsync();

        // A second host on the same storage, with no worker of its own and none configured.
        await using WebApplication host = LocalHostBuilder.Build([], platform.Storage.ConnectionString, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestKeys.AsConfiguration())
            {
                ["DurableEngine:TaskHubName"] = "nw" + Guid.NewGuid().ToString("N")[..10],
                ["Packaging:LocalKeyPath"] = Path.Combine(Path.GetTempPath(), platform.TaskHub, "package-signing-key.pem"),
                ["LandingWatcher:Enabled"] = "false",
                ["Workers:Local:Count"] = "0",
            });
            builder.WebHost.UseUrls($"http://127.0.0.1:{FreePorts.Next()}");
        });
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(host.Urls.Single() + "/") };

        string body = new JsonObject { ["rows"] = new JsonArray(model.Holdout[0].Json.DeepClone()) }.ToJsonString();

        // A package whose bytes were changed in storage does not verify: that host refuses to use it (409), unharmed.
        Azure.Storage.Blobs.BlobClient contract = platform.Blobs.GetBlobContainerClient("packages").GetBlobClient($"{model.Digest}/feature-contract.json");
        BinaryData original = (await contract.DownloadContentAsync()).Value.Content;
        ApiResponse tampered;
        try
        {
            await contract.UploadAsync(BinaryData.FromString(original.ToString().Replace("\"Home\"", "\"Hone\"", StringComparison.Ordinal)), overwrite: true);
            tampered = await PlatformFixture.Send(http, HttpMethod.Post, $"api/projects/{model.Project}/endpoints/{Endpoint}/score", TestKeys.Application, body);
        }
        finally
        {
            await contract.UploadAsync(original, overwrite: true);
        }

        ApiResponse refused = await PlatformFixture.Send(http, HttpMethod.Post, $"api/projects/{model.Project}/endpoints/{Endpoint}/score", TestKeys.Application, body);
        await host.StopAsync();

        Assert.Equal(HttpStatusCode.Conflict, tampered.Status);
        Assert.Contains("does not verify", tampered.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter!.Delta);
        Assert.Contains("No ONNX worker is ready", refused.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        string id = refused.Headers.GetValues("x-request-id").Single();
        RequestLogEntry entry = (await this.ReadLogAsync(model.Project, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1))).Single(e => e.RequestId == id);
        Assert.Equal((503, model.Digest), (entry.Status, entry.Package));
    }

    private async Task<List<RequestLogEntry>> ReadLogAsync(string project, DateTimeOffset from, DateTimeOffset to)
    {
        var found = new List<RequestLogEntry>();
        await foreach (RequestLogEntry entry in platform.Services.GetRequiredService<IRequestLog>().ReadAsync(project, Endpoint, from, to))
        {
            found.Add(entry);
        }

        return found;
    }

    /// <summary>
    /// AUC by its definition (Mann–Whitney): the share of (positive, negative) pairs the score orders correctly, ties
    /// counting a half; written here, apart from the platform's metrics code.
    /// </summary>
    private static double Auc(double[] scores, bool[] positive)
    {
        double[] pos = [.. scores.Where((_, i) => positive[i])];
        double[] neg = [.. scores.Where((_, i) => !positive[i])];
        double sum = 0;
        foreach (double p in pos)
        {
            foreach (double n in neg)
            {
                sum += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }

        return sum / ((double)pos.Length * neg.Length);
    }

    private Task<Deployed> DeployAsync()
    {
        lock (Gate)
        {
            return deployed ??= this.TrainPackageAndDeployAsync();
        }
    }

    private async Task<Deployed> TrainPackageAndDeployAsync()
    {
        (string project, string digest) = await platform.SharedAsync();

        // The host's own worker process has joined the pool, so the deployment loads on it now rather than on first use.
        await platform.Services.GetRequiredService<LocalWorkers>().Joined.WaitAsync(TimeSpan.FromMinutes(2));
        ApiResponse put = await platform.SendAsync(HttpMethod.Put, $"api/projects/{project}/endpoints/{Endpoint}", TestKeys.Operations, new { package = digest });
        Assert.True(put.Status == HttpStatusCode.Created, $"{put.Status}: {put.Json}");
        Assert.Single(put.Json.GetProperty("loadedOn").EnumerateArray());
        Assert.Equal(1, put.Json.GetProperty("endpoint").GetProperty("revision").GetInt32());

        ApiResponse version = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/{project}/versions/1", TestKeys.DataScientist);
        double registeredAuc = version.Json.GetProperty("metrics").GetProperty("Auc").GetDouble();
        double threshold = version.Json.GetProperty("decisionThreshold").GetDouble();

        // The holdout as the feature set recorded it: keys (record numbers, the spec's generated key) and labels.
        OfflineFeatureStore offline = platform.Services.GetRequiredService<OfflineFeatureStore>();
        FeatureSetVersion features = (await offline.GetAsync(project, "latest"))!;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (FeatureFrame frame in offline.ReadAsync(features))
        {
            for (int r = 0; r < frame.Rows; r++)
            {
                if (frame.Holdout![r])
                {
                    labels[frame.Keys[r]] = frame.Labels![r]!;
                }
            }
        }

        // Raw records straight from the bundled file: quoted fields as strings, the others as JSON numbers, empty as null.
        string[] file = File.ReadAllLines(Projects.DataPath("credit_data.csv"));
        string[] header = [.. file[0].Split(',').Select(h => h.Trim('"'))];
        var holdout = new List<HoldoutRecord>();
        for (int line = 1; line < file.Length; line++)
        {
            string key = line.ToString(CultureInfo.InvariantCulture);
            if (!labels.TryGetValue(key, out string? label))
            {
                continue;
            }

            string[] fields = file[line].Split(',');
            var record = new JsonObject();
            for (int c = 0; c < header.Length; c++)
            {
                if (header[c] != "Status")
                {
                    record[header[c]] = fields[c].Length == 0 ? null : fields[c].StartsWith('"') ? JsonValue.Create(fields[c].Trim('"')) : JsonNode.Parse(fields[c]);
                }
            }

            holdout.Add(new HoldoutRecord(key, label, record));
        }

        Assert.Equal(labels.Count, holdout.Count);
        return new Deployed(project, digest, registeredAuc, threshold, holdout);
    }

    private sealed record HoldoutRecord(string Key, string Label, JsonObject Json);

    private sealed record Deployed(string Project, string Digest, double RegisteredAuc, double Threshold, IReadOnlyList<HoldoutRecord> Holdout);
}
