using System.Net;
using System.Text.Json;
using MLOps.Core.Diagnostics;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class DurabilityTests(PlatformFixture platform)
{
    private const string AdminKey = "dev-admin-key";
    private const int Steps = 6;

    [Fact]
    public async Task A_killed_host_is_replaced_and_the_run_finishes_without_rerunning_completed_steps()
    {
        string hub = "dur" + Guid.NewGuid().ToString("N")[..10];
        string id;
        int completedBeforeKill;
        int firstPid;
        await using (HostProcess first = await HostProcess.StartAsync(platform.Storage.Azurite.Options, hub))
        {
            firstPid = first.ProcessId;
            ApiResponse started = await PlatformFixture.Send(first.Http, HttpMethod.Post, "api/pipelines/diagnostics", AdminKey,
                new { steps = Steps, stepDelayMilliseconds = 1500 });
            Assert.Equal(HttpStatusCode.Accepted, started.Status);
            id = started.Json.GetProperty("id").GetString()!;

            JsonElement midway = await PlatformFixture.WaitFor(first.Http, AdminKey, id,
                s => Progress(s) >= 2, TimeSpan.FromSeconds(60));
            completedBeforeKill = Progress(midway);
            await first.KillAsync();
        }

        await using HostProcess second = await HostProcess.StartAsync(platform.Storage.Azurite.Options, hub);
        JsonElement done = await PlatformFixture.WaitFor(second.Http, AdminKey, id, PlatformFixture.IsFinished, TimeSpan.FromMinutes(3));

        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        string[] hosts = done.GetProperty("output").GetProperty("stepHosts").EnumerateArray().Select(h => h.GetString()!).ToArray();
        Assert.Equal(Steps, hosts.Length);
        Assert.All(hosts.Take(completedBeforeKill), h => Assert.EndsWith($":{firstPid}", h, StringComparison.Ordinal));
        Assert.All(hosts.Skip(completedBeforeKill + 1), h => Assert.EndsWith($":{second.ProcessId}", h, StringComparison.Ordinal));

        IReadOnlyDictionary<int, int> executions = await new DiagnosticsLedger(platform.Blobs).CountExecutionsAsync(id);
        Assert.Equal(Enumerable.Range(1, Steps), executions.Keys);
        // A step whose result is in the history is never scheduled again. The last one may still run twice: the
        // worker sends its result before it deletes the work-item message, and a kill in that gap (seen under heavy
        // load) redelivers the message — Durable's at-least-once, which activities absorb by being idempotent.
        Assert.All(Enumerable.Range(1, completedBeforeKill - 1), step => Assert.Equal(1, executions[step]));
        Assert.InRange(executions[completedBeforeKill], 1, 2);
    }

    private static int Progress(JsonElement status) =>
        status.TryGetProperty("customStatus", out JsonElement c) && c.ValueKind == JsonValueKind.Object
            ? c.GetProperty("completed").GetInt32()
            : 0;
}
