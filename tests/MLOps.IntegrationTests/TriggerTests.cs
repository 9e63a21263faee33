using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;
using MLOps.Core.Landing;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.LocalHost.Azurite;

namespace MLOps.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class TriggerTests(PlatformFixture platform)
{
    private static readonly string CreditData = Path.Combine(RepositoryRoot.Find(), "shared", "data", "credit_data.csv");

    [Fact]
    public async Task A_landed_blob_starts_its_data_pipeline_once_even_when_delivered_twice()
    {
        string project = "it-" + Guid.NewGuid().ToString("N")[..8];
        await platform.RegisterCreditAsync(project);
        BlobClient blob = await this.UploadAsync($"{project}/credit_data.csv");
        string etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        string id = new LandingBlob("landing", blob.Name, etag).PipelineInstanceId();

        JsonElement done = await platform.WaitForEndAsync(id);
        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        JsonElement ingested = done.GetProperty("output").GetProperty("ingested");
        Assert.Equal(4454, ingested.GetProperty("rows").GetInt64());
        Assert.True(ingested.GetProperty("snapshotCreated").GetBoolean());

        // The real missing counts of credit_data.csv, counted independently with Python's csv module.
        JsonElement profile = done.GetProperty("output").GetProperty("profile");
        Assert.Equal(4454, profile.GetProperty("rows").GetInt64());
        var missing = profile.GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("missing").GetInt64());
        Assert.Equal((381L, 47L, 18L, 6L, 1L, 2L, 0L), (missing["Income"], missing["Assets"], missing["Debt"], missing["Home"], missing["Marital"], missing["Job"], missing["Amount"]));

        // Event Grid delivers the same BlobCreated again: recognised, nothing new starts.
        ApiResponse redelivered = await platform.SendAsync(HttpMethod.Post, "api/events", TestKeys.Platform,
            new[] { new { id = Guid.NewGuid().ToString(), topic = "/storage", subject = $"/blobServices/default/containers/landing/blobs/{blob.Name}", eventType = "Microsoft.Storage.BlobCreated", eventTime = DateTimeOffset.UtcNow, dataVersion = "1", data = new { url = blob.Uri.ToString(), eTag = etag, contentLength = 310198 } } });
        Assert.Equal(HttpStatusCode.OK, redelivered.Status);
        Assert.Equal(id, redelivered.Json.GetProperty("duplicates")[0].GetProperty("instanceId").GetString());

        await Task.Delay(1500); // three more watcher polls
        Assert.Single(await this.InstancesAsync($"data-{project}-"));
    }

    [Fact]
    public async Task Re_uploading_the_same_bytes_runs_again_but_keeps_one_snapshot()
    {
        string project = "it-" + Guid.NewGuid().ToString("N")[..8];
        await platform.RegisterCreditAsync(project);
        BlobClient blob = await this.UploadAsync($"{project}/credit_data.csv");
        string first = new LandingBlob("landing", blob.Name, (await blob.GetPropertiesAsync()).Value.ETag.ToString()).PipelineInstanceId();
        JsonElement firstRun = await platform.WaitForEndAsync(first);

        await this.UploadAsync(blob.Name);
        string second = new LandingBlob("landing", blob.Name, (await blob.GetPropertiesAsync()).Value.ETag.ToString()).PipelineInstanceId();
        JsonElement secondRun = await platform.WaitForEndAsync(second);

        Assert.NotEqual(first, second);
        JsonElement a = firstRun.GetProperty("output").GetProperty("ingested"), b = secondRun.GetProperty("output").GetProperty("ingested");
        Assert.Equal(a.GetProperty("sha256").GetString(), b.GetProperty("sha256").GetString());
        Assert.False(b.GetProperty("snapshotCreated").GetBoolean());
        Assert.Equal(1, await this.CountSnapshotBlobsAsync($"{project}/raw/"));
        Assert.Equal(1, await this.CountSnapshotBlobsAsync($"{project}/profiles/"));
    }

    [Fact]
    public async Task An_unsafe_blob_name_starts_nothing()
    {
        ApiResponse response = await platform.SendAsync(HttpMethod.Post, "api/events", TestKeys.Platform,
            """[{"id":"bad-1","topic":"/storage","subject":"s","eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-11-24T00:00:00Z","dataVersion":"1","data":{"url":"http://127.0.0.1:1/devstoreaccount1/landing/p/x%01.csv","eTag":"e"}}]""");

        // A refused event makes the delivery a 400 (Event Grid does not redeliver it), naming the event.
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("events[0]: blob name contains control characters", response.Json.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, response.Json.GetProperty("receipt").GetProperty("accepted").GetArrayLength());
    }

    [Fact]
    public async Task The_event_grid_schema_starts_the_routed_pipeline_and_a_duplicate_id_is_ignored()
    {
        string eventId = Guid.NewGuid().ToString();
        var body = new[] { new { id = eventId, topic = "/it", subject = "diag", eventType = "MLOps.Diagnostics.Requested", eventTime = DateTimeOffset.UtcNow, dataVersion = "1.0", data = new { steps = 3 } } };

        ApiResponse first = await platform.SendAsync(HttpMethod.Post, "api/events", TestKeys.Platform, body);
        ApiResponse again = await platform.SendAsync(HttpMethod.Post, "api/events", TestKeys.Platform, body);

        string id = first.Json.GetProperty("accepted")[0].GetProperty("instanceId").GetString()!;
        Assert.Equal(0, again.Json.GetProperty("accepted").GetArrayLength());
        Assert.Equal(id, again.Json.GetProperty("duplicates")[0].GetProperty("instanceId").GetString());
        JsonElement done = await platform.WaitForEndAsync(id);
        Assert.Equal(3, done.GetProperty("output").GetProperty("stepsCompleted").GetInt32());
    }

    [Fact]
    public async Task Cloud_events_start_the_routed_pipeline_and_a_duplicate_id_is_ignored()
    {
        var body = new { specversion = "1.0", id = Guid.NewGuid().ToString(), source = "/it/cloud", type = "MLOps.Diagnostics.Requested", datacontenttype = "application/json", data = new { steps = 2 } };

        ApiResponse first = await platform.SendAsync(HttpMethod.Post, "api/events", TestKeys.Platform, body, "application/cloudevents+json");
        ApiResponse again = await platform.SendAsync(HttpMethod.Post, "api/events", TestKeys.Platform, body, "application/cloudevents+json");

        string id = first.Json.GetProperty("accepted")[0].GetProperty("instanceId").GetString()!;
        Assert.Equal(id, again.Json.GetProperty("duplicates")[0].GetProperty("instanceId").GetString());
        Assert.Equal(2, (await platform.WaitForEndAsync(id)).GetProperty("output").GetProperty("stepsCompleted").GetInt32());
    }

    [Fact]
    public async Task Both_validation_handshakes_are_answered()
    {
        ApiResponse validation = await platform.SendAsync(HttpMethod.Post, "api/events", TestKeys.Platform,
            """[{"id":"v1","topic":"/t","subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-24T00:00:00Z","dataVersion":"2","data":{"validationCode":"CODE-123"}}]""");
        Assert.Equal("CODE-123", validation.Json.GetProperty("validationResponse").GetString());

        using var options = new HttpRequestMessage(HttpMethod.Options, "api/events");
        options.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");
        using HttpResponseMessage handshake = await platform.Http.SendAsync(options);
        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        Assert.Equal("eventgrid.azure.net", handshake.Headers.GetValues("WebHook-Allowed-Origin").Single());
    }

    [Fact]
    public async Task Unrouted_event_types_are_acknowledged_and_ignored()
    {
        ApiResponse response = await platform.SendAsync(HttpMethod.Post, "api/events", TestKeys.Platform,
            """{"specversion":"1.0","id":"x1","source":"/x","type":"Something.Else","data":{}}""", "application/cloudevents+json");

        Assert.Equal("Something.Else", response.Json.GetProperty("ignored")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_timer_schedule_fires_its_pipeline()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        while (true)
        {
            List<OrchestrationMetadata> runs = await this.InstancesAsync($"schedule-{PlatformFixture.ScheduleName}-");
            if (runs.Any(r => r.RuntimeStatus == OrchestrationRuntimeStatus.Completed))
            {
                Assert.All(runs, r => Assert.Equal("DiagnosticsOrchestrator", r.Name));
                return;
            }

            await Task.Delay(500, cancel.Token);
        }
    }

    private async Task<int> CountSnapshotBlobsAsync(string prefix)
    {
        int count = 0;
        await foreach (BlobItem _ in platform.Blobs.GetBlobContainerClient("snapshots").GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            count++;
        }

        return count;
    }

    private async Task<BlobClient> UploadAsync(string name)
    {
        BlobContainerClient landing = platform.Blobs.GetBlobContainerClient("landing");
        await landing.CreateIfNotExistsAsync();
        BlobClient blob = landing.GetBlobClient(name);
        await blob.UploadAsync(CreditData, overwrite: true);
        return blob;
    }

    private async Task<List<OrchestrationMetadata>> InstancesAsync(string prefix)
    {
        var found = new List<OrchestrationMetadata>();
        await foreach (OrchestrationMetadata m in platform.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix }))
        {
            found.Add(m);
        }

        return found;
    }
}
