using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging.Abstractions;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.Serving;

/// <summary>The request log on a real Azurite: append blobs of JSON lines by endpoint and UTC hour, read back by time window.</summary>
[Collection(StorageCollection.Name)]
public sealed class BlobRequestLogTests(AzuriteFixture storage)
{
    private static readonly DateTimeOffset Ten = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

    private readonly BlobServiceClient blobs = new(storage.ConnectionString);
    private readonly string project = "log" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Concurrent_appends_are_read_back_by_window_in_time_order_one_per_request()
    {
        await using var log = new BlobRequestLog(this.blobs, NullLogger<BlobRequestLog>.Instance);

        // 200 requests over three hours (10:00-12:59), appended concurrently, as a busy endpoint would.
        RequestLogEntry[] entries = [.. Enumerable.Range(0, 200).Select(i => this.Entry($"r{i:D3}", Ten.AddSeconds(i * 54), i))];
        await Task.WhenAll(entries.Select(e => log.AppendAsync(e)));

        List<RequestLogEntry> all = await ReadAsync(log, this.project, "scores", Ten, Ten.AddHours(3));
        List<RequestLogEntry> eleven = await ReadAsync(log, this.project, "scores", Ten.AddHours(1), Ten.AddHours(2));
        List<RequestLogEntry> window = await ReadAsync(log, this.project, "scores", Ten.AddMinutes(30), Ten.AddMinutes(90));

        Assert.Equal(entries.Select(e => e.RequestId), all.Select(e => e.RequestId));
        Assert.Equal(entries.Where(e => e.Time >= Ten.AddHours(1) && e.Time < Ten.AddHours(2)).Select(e => e.RequestId), eleven.Select(e => e.RequestId));
        Assert.Equal(entries.Where(e => e.Time >= Ten.AddMinutes(30) && e.Time < Ten.AddMinutes(90)).Select(e => e.RequestId), window.Select(e => e.RequestId));

        // What went in comes out: inputs as sent, each row's result, the deployment that answered.
        RequestLogEntry first = all[0];
        Assert.Equal("""[{"Age":30,"Home":"rent"}]""", first.Inputs!.ToJsonString());
        Assert.Equal(0.25f, Assert.Single(first.Outputs!).Score);
        Assert.Equal(("d-abc", 3, "app"), (first.Deployment, first.ModelVersion, first.Principal));

        // Partitioned by endpoint and UTC hour; another endpoint's window is empty.
        BlobContainerClient container = this.blobs.GetBlobContainerClient(RequestLogLayout.Container);
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (BlobItem item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = this.project + "/" }))
        {
            folders.Add(item.Name[..item.Name.LastIndexOf('/')]);
            Assert.Equal(BlobType.Append, item.Properties.BlobType);
        }

        Assert.Equal([$"{this.project}/scores/2026-03-14/10", $"{this.project}/scores/2026-03-14/11", $"{this.project}/scores/2026-03-14/12"], folders);
        Assert.Empty(await ReadAsync(log, this.project, "other", Ten, Ten.AddHours(3)));
    }

    [Fact]
    public async Task A_request_id_written_twice_is_read_once()
    {
        await using var log = new BlobRequestLog(this.blobs, NullLogger<BlobRequestLog>.Instance);
        RequestLogEntry entry = this.Entry("same-id", Ten.AddMinutes(5), 1);

        await log.AppendAsync(entry);
        await using (var second = new BlobRequestLog(this.blobs, NullLogger<BlobRequestLog>.Instance))
        {
            // Another host process logging the same id (a client retry replayed through a second host).
            await second.AppendAsync(entry with { DurationMs = 99 });
        }

        RequestLogEntry read = Assert.Single(await ReadAsync(log, this.project, "scores", Ten, Ten.AddHours(1)));
        Assert.Equal("same-id", read.RequestId);
    }

    private RequestLogEntry Entry(string id, DateTimeOffset time, int i) => new()
    {
        RequestId = id,
        Time = time,
        Project = this.project,
        Endpoint = "scores",
        Deployment = "d-abc",
        Package = new string('a', 64),
        Model = "credit",
        ModelVersion = 3,
        Principal = "app",
        Status = 200,
        DurationMs = i,
        InputKind = ScoreInputKind.Rows,
        Inputs = [new JsonObject { ["Age"] = 30, ["Home"] = "rent" }],
        Outputs = [new RowResult { Score = 0.25f, Label = "good" }],
    };

    private static async Task<List<RequestLogEntry>> ReadAsync(BlobRequestLog log, string project, string endpoint, DateTimeOffset from, DateTimeOffset to)
    {
        var found = new List<RequestLogEntry>();
        await foreach (RequestLogEntry entry in log.ReadAsync(project, endpoint, from, to))
        {
            found.Add(entry);
        }

        return found;
    }
}
