using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using MLOps.Core.Diagnostics;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

/// <summary>
/// Storage that stops answering (Azurite frozen with SIGSTOP, then thawed), with the real host as a child process on
/// an Azurite of its own: readiness tells, liveness does not, and a running activity is neither run twice nor
/// "processed multiple times concurrently" when the outage outlasts the old 20 s visibility.
/// </summary>
public sealed class StorageOutageTests : IClassFixture<AzuriteFixture>
{
    private const string Key = "dev-admin-key";
    private readonly AzuriteFixture storage;

    public StorageOutageTests(AzuriteFixture storage) => this.storage = storage;

    [Fact]
    public async Task Readiness_answers_503_naming_the_storage_that_does_not_answer_while_liveness_stays_200()
    {
        await using HostProcess host = await HostProcess.StartAsync(this.storage.Azurite.Options, "ready" + Guid.NewGuid().ToString("N")[..8]);
        ApiResponse ready = await PlatformFixture.Send(host.Http, HttpMethod.Get, "api/health/ready", key: null);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal(["blob", "queue", "table"], ready.Json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("service").GetString()).Order());

        ApiResponse frozen, live;
        var clock = Stopwatch.StartNew();
        await using (await StorageFreeze.StartAsync(this.storage.Azurite))
        {
            frozen = await PlatformFixture.Send(host.Http, HttpMethod.Get, "api/health/ready", key: null);
            live = await PlatformFixture.Send(host.Http, HttpMethod.Get, "api/health", key: null);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, frozen.Status);
        Assert.Equal("application/problem+json", frozen.MediaType);
        Assert.Equal("Storage unreachable: blob, table, queue.", frozen.Json.GetProperty("detail").GetString());
        Assert.Equal(3, frozen.Json.GetProperty("errors").GetArrayLength());
        Assert.DoesNotContain("Exception", frozen.Json.GetRawText(), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the probe took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.OK, (await PlatformFixture.Send(host.Http, HttpMethod.Get, "api/health/ready", key: null)).Status);
    }

    [Fact]
    public async Task A_25_second_outage_during_an_activity_runs_it_once_and_processes_its_message_once()
    {
        await using HostProcess host = await HostProcess.StartAsync(this.storage.Azurite.Options, "outage" + Guid.NewGuid().ToString("N")[..8]);
        ApiResponse started = await PlatformFixture.Send(host.Http, HttpMethod.Post, "api/pipelines/diagnostics", Key, new { steps = 1, stepDelayMilliseconds = 35_000 });
        string id = started.Json.GetProperty("id").GetString()!;
        await Task.Delay(TimeSpan.FromSeconds(4));

        await using (await StorageFreeze.StartAsync(this.storage.Azurite))
        {
            await Task.Delay(TimeSpan.FromSeconds(25));
        }

        JsonElement done = await PlatformFixture.WaitFor(host.Http, Key, id, PlatformFixture.IsFinished, TimeSpan.FromMinutes(2));
        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        IReadOnlyDictionary<int, int> executions = await new DiagnosticsLedger(new BlobServiceClient(this.storage.ConnectionString)).CountExecutionsAsync(id);
        Assert.Equal(1, executions[1]);
        Assert.DoesNotContain("multiple times concurrently", host.Output, StringComparison.Ordinal);
    }
}
