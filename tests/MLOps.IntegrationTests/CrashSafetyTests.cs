using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.Landing;
using MLOps.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace MLOps.IntegrationTests;

/// <summary>
/// The crash acceptance suite: the real host as a child process, SIGKILLed at several points of each pipeline
/// (requirements right after its <c>pipeline.started</c> record and mid-way, data engineering while it stages its
/// snapshot and feature set, the experiment during its search and while it trains and registers the candidate) and
/// restarted each time. Every run must finish, with exactly one audit record per event id, no tracked run rewritten
/// or duplicated, one complete registered version, no staging left once the sweeper ran, and an intact audit chain.
/// The host runs on an Azurite of its own (its landing watcher on), with 10 s queue visibility so a kill costs
/// seconds, and more redeliveries, which is what the suite is here to survive.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Key = "dev-admin-key";

    private static readonly string[] Settings =
    [
        "--LandingWatcher:Enabled=true",
        "--DurableEngine:WorkItemQueueVisibilityTimeout=00:00:10",
        "--DurableEngine:ControlQueueVisibilityTimeout=00:00:10",
        "--StagingSweep:GracePeriod=00:00:05",
        "--StagingSweep:Interval=00:00:03",
    ];

    private static readonly string[] Algorithms = ["LogisticRegression", "LightGbm"];

    private readonly AzuriteFixture storage = new();
    private readonly string hub = "crash" + Guid.NewGuid().ToString("N")[..10];
    private readonly string project = Projects.NewName("crash");
    private readonly Stopwatch clock = new();
    private HostProcess? host;

    private BlobServiceClient Blobs => new(this.storage.ConnectionString);

    public async Task InitializeAsync()
    {
        await this.storage.InitializeAsync();
        this.host = await this.StartHostAsync();
        this.clock.Start();
    }

    public async Task DisposeAsync()
    {
        if (this.host is not null)
        {
            await this.host.DisposeAsync();
        }

        await this.storage.DisposeAsync();
    }

    [Fact]
    public async Task Every_pipeline_killed_and_restarted_finishes_with_one_audit_record_per_event_no_rewritten_run_and_no_staging()
    {
        string requirements = await this.RequirementsAsync();
        string data = await this.DataEngineeringAsync();
        string experiment = await this.ExperimentAsync();

        await this.AssertAuditAsync([requirements, data, experiment]);
        await this.AssertNoStagingAsync();
        output.WriteLine($"crash suite: {this.clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>Killed as soon as its <c>pipeline.started</c> record exists, then again once its feasibility check runs.</summary>
    private async Task<string> RequirementsAsync()
    {
        BlobContainerClient samples = this.Blobs.GetBlobContainerClient("samples");
        await samples.CreateIfNotExistsAsync();
        await samples.GetBlobClient($"{this.project}/credit_data.csv").UploadAsync(Projects.DataPath("credit_data.csv"), overwrite: true);
        string spec = Projects.Spec("credit-scoring.json", this.project).ToJsonString();
        ApiResponse started = await PlatformFixture.Send(
            this.Http, HttpMethod.Post, $"api/projects/{this.project}/spec?sample=samples/{this.project}/credit_data.csv", Key, spec);
        Assert.True(started.Status == HttpStatusCode.Accepted, $"{started.Status} {started.Json}");
        string id = started.Json.GetProperty("id").GetString()!;

        await this.KillWhenAsync(() => this.AuditedAsync($"pipeline/{id}/started"), "requirements: right after pipeline.started");
        await this.KillWhenAsync(() => this.StepIsAsync(id, "feasibility", "design", "register"), "requirements: mid-way");
        await this.FinishedAsync(id);
        return id;
    }

    /// <summary>Landed through the watcher; killed while it profiles and while it cleans, engineers and stages its feature set.</summary>
    private async Task<string> DataEngineeringAsync()
    {
        BlobContainerClient landing = this.Blobs.GetBlobContainerClient("landing");
        await landing.CreateIfNotExistsAsync();
        BlobClient blob = landing.GetBlobClient($"{this.project}/credit_data.csv");
        ETag etag = (await blob.UploadAsync(Projects.DataPath("credit_data.csv"), overwrite: true)).Value.ETag;
        string id = new LandingBlob("landing", blob.Name, etag.ToString()).PipelineInstanceId();

        await this.KillWhenAsync(() => this.StepIsAsync(id, "profile", "validate"), "data engineering: profiling");
        await this.KillWhenAsync(() => this.StepIsAsync(id, "clean-and-engineer"), "data engineering: staging the feature set");
        await this.FinishedAsync(id);
        return id;
    }

    /// <summary>
    /// Four trials on two folds; killed once some trials have finished (their runs are snapshotted then), and again
    /// while the candidate is trained and registered. No finished run may change, none may be added twice.
    /// </summary>
    private async Task<string> ExperimentAsync()
    {
        ApiResponse started = await PlatformFixture.Send(this.Http, HttpMethod.Post, "api/pipelines/experiment", Key, new
        {
            project = this.project,
            algorithms = Algorithms,
            spaces = new object[]
            {
                new { algorithm = "LogisticRegression", parameters = new object[] { Range("L2Regularization", "LogFloat", 1e-4, 1) } },
                new { algorithm = "LightGbm", parameters = new object[] { Range("NumberOfLeaves", "Integer", 4, 16), Range("NumberOfIterations", "Integer", 20, 60) } },
            },
            search = new[] { new { strategy = "Random", trials = 4 } },
            folds = 2,
            maxParallel = 2,
        });
        Assert.True(started.Status == HttpStatusCode.Accepted, $"{started.Status} {started.Json}");
        string id = started.Json.GetProperty("id").GetString()!;

        Dictionary<string, (ETag ETag, DateTimeOffset? End, string History)> finished = [];
        await this.KillWhenAsync(
            async () =>
            {
                finished = await this.FinishedRunsAsync();
                return finished.Count > 0;
            },
            "experiment: during the search, some trials finished");
        await this.KillWhenAsync(() => this.StepIsAsync(id, "candidate", "register"), "experiment: training the candidate");
        await this.KillWhenAsync(() => this.StepIsAsync(id, "register", "completed"), "experiment: registering");
        JsonElement done = await this.FinishedAsync(id);

        JsonElement report = done.GetProperty("output");
        string best = report.GetProperty("bestRunId").GetString()!;
        Dictionary<string, (ETag ETag, DateTimeOffset? End, string History)> after = await this.FinishedRunsAsync();
        Assert.Equal(4, after.Count);
        Assert.Equal(4, report.GetProperty("trialsRun").GetInt32());
        foreach ((string runId, (ETag etag, DateTimeOffset? end, string history)) in finished)
        {
            // The best run gains the candidate's holdout metrics and artifacts after the search; nothing it had changes.
            Assert.True(runId == best || after[runId].ETag == etag, $"run {runId} was rewritten after it finished");
            Assert.Equal((end, history), (after[runId].End, after[runId].History));
        }

        ApiResponse model = await PlatformFixture.Send(this.Http, HttpMethod.Get, $"api/projects/{this.project}/models/{this.project}", Key);
        Assert.Equal([1], model.Json.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(1, model.Json.GetProperty("aliases").GetProperty("challenger").GetInt32());
        var files = new List<string>();
        await foreach (BlobItem item in this.Blobs.GetBlobContainerClient("models").GetBlobsAsync(new GetBlobsOptions { Prefix = $"{this.project}/{this.project}/1/" }))
        {
            files.Add(item.Name.Split('/')[^1]);
        }

        Assert.Equal(["MLmodel", "conda.yaml", "input_example.json", "model-card.md", "model.onnx", "python_env.yaml", "requirements.txt"], files.Order(StringComparer.Ordinal));
        return id;
    }

    private static object Range(string name, string kind, double low, double high) => new { name, kind, low, high };

    private HttpClient Http => this.host!.Http;

    private async Task<HostProcess> StartHostAsync() => await HostProcess.StartAsync(this.storage.Azurite.Options, this.hub, Settings);

    /// <summary>Waits for the kill point (or the run's end), SIGKILLs the host and starts a new one.</summary>
    private async Task KillWhenAsync(Func<Task<bool>> reached, string point)
    {
        var waited = Stopwatch.StartNew();
        while (!await reached() && waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(50);
        }

        await this.host!.KillAsync();
        await this.host.DisposeAsync();
        output.WriteLine($"{this.clock.Elapsed.TotalSeconds,6:F1} s  killed: {point} (waited {waited.Elapsed.TotalSeconds:F1} s)");
        this.host = await this.StartHostAsync();
    }

    private async Task<JsonElement> FinishedAsync(string id)
    {
        JsonElement done = await PlatformFixture.WaitFor(this.Http, Key, id, PlatformFixture.IsFinished, TimeSpan.FromMinutes(4));
        output.WriteLine($"{this.clock.Elapsed.TotalSeconds,6:F1} s  {id}: {done.GetProperty("runtimeStatus").GetString()}");
        Assert.True(done.GetProperty("runtimeStatus").GetString() == "Completed", done.ToString());
        return done;
    }

    private async Task<bool> StepIsAsync(string id, params string[] steps)
    {
        ApiResponse status = await PlatformFixture.Send(this.Http, HttpMethod.Get, $"api/instances/{id}", Key);
        return status.Status is HttpStatusCode.OK or HttpStatusCode.Accepted
            && (PlatformFixture.IsFinished(status.Json)
                || (status.Json.TryGetProperty("customStatus", out JsonElement custom) && custom.ValueKind == JsonValueKind.Object
                    && steps.Contains(custom.GetProperty("stage").GetString())));
    }

    private async Task<bool> AuditedAsync(string eventId) =>
        (await this.AuditAsync()).Any(r => r.TryGetProperty("eventId", out JsonElement e) && e.GetString() == eventId);

    private Task<List<JsonElement>> AuditAsync() => AuditPages.ReadAllAsync(this.Http, Key);

    /// <summary>The project's finished runs: row ETag, end time and per-fold history, read straight from the table.</summary>
    private async Task<Dictionary<string, (ETag ETag, DateTimeOffset? End, string History)>> FinishedRunsAsync()
    {
        var runs = new Dictionary<string, (ETag, DateTimeOffset?, string)>(StringComparer.Ordinal);
        TableClient table = new TableServiceClient(this.storage.ConnectionString).GetTableClient("runs");
        try
        {
            await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {this.project}")))
            {
                if (row.GetString("Status") != "Running")
                {
                    runs[row.RowKey] = (row.ETag, row.GetDateTimeOffset("EndTime"), row.GetString("MetricHistory"));
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No run yet: the table is created with the first one.
        }

        return runs;
    }

    private async Task AssertAuditAsync(string[] instances)
    {
        List<JsonElement> records = await this.AuditAsync();
        string[] ids = [.. records.Where(r => r.TryGetProperty("eventId", out JsonElement e) && e.ValueKind == JsonValueKind.String).Select(r => r.GetProperty("eventId").GetString()!)];
        Assert.Empty(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}"));
        foreach (string id in instances)
        {
            JsonElement[] started = [.. records.Where(r => r.GetProperty("action").GetString() == "pipeline.started" && r.GetProperty("target").GetString() == id)];
            JsonElement[] completed = [.. records.Where(r => r.GetProperty("action").GetString() == "pipeline.completed" && r.GetProperty("target").GetString() == id)];
            Assert.Single(started);
            Assert.Single(completed);
            Assert.True(started[0].GetProperty("sequence").GetInt64() < completed[0].GetProperty("sequence").GetInt64(), $"{id}: started after completed");
            Assert.DoesNotContain(records, r => r.GetProperty("action").GetString() == "pipeline.failed" && r.GetProperty("target").GetString() == id);
        }

        Assert.Single(ids, i => i == $"registry/{this.project}/{this.project}/v1/registered");
        ApiResponse verified = await PlatformFixture.Send(this.Http, HttpMethod.Get, "api/audit/verify", Key);
        Assert.True(verified.Json.GetProperty("intact").GetBoolean(), verified.Json.ToString());
        output.WriteLine($"{records.Count} audit records, {ids.Length} with an event id, all distinct; chain intact");
    }

    /// <summary>The restarted host sweeps staging older than 5 s every 3 s; give it a few rounds.</summary>
    private async Task AssertNoStagingAsync()
    {
        var waited = Stopwatch.StartNew();
        List<string> left;
        do
        {
            left = [];
            foreach (string container in new[] { "snapshots", "models" })
            {
                await foreach (BlobItem item in this.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = "_staging/" }))
                {
                    left.Add($"{container}/{item.Name}");
                }
            }

            if (left.Count == 0)
            {
                break;
            }

            await Task.Delay(500);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Empty(left);
        output.WriteLine($"no staging left ({waited.Elapsed.TotalSeconds:F1} s after the runs)");
    }
}
