using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using MLOps.Core.Diagnostics;
using MLOps.DurableLocal.Quarantine;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

/// <summary>
/// A work item that keeps killing its host is quarantined, not crash-looped: the real host (its Program, as a child
/// process) is SIGKILLed each time it is running a step, as a stack overflow would end it; the next host does not
/// run the step again but fails the run with a reason the status route shows, and stays up.
/// </summary>
[Collection(PlatformCollection.Name)]
public class QuarantineTests(PlatformFixture platform)
{
    private const string AdminKey = "dev-admin-key";
    private const int HostDeaths = 2;

    [Fact]
    public async Task A_step_that_dies_with_its_host_twice_is_quarantined_and_the_run_fails_naming_it()
    {
        string hub = "quar" + Guid.NewGuid().ToString("N")[..10];
        string[] settings =
        [
            $"--DurableEngine:QuarantineAfterHostDeaths={HostDeaths}",

            // Short, so a dead host's message is seen again within seconds (the lock is renewed every 5 s while alive).
            "--DurableEngine:QueueVisibilityTimeout=00:00:08",
        ];
        var attempts = new TableClient(platform.Storage.ConnectionString, TableWorkItemAttempts.TableNameFor(hub));
        string? id = null;
        for (int death = 0; death < HostDeaths; death++)
        {
            await using HostProcess host = await HostProcess.StartAsync(platform.Storage.Azurite.Options, hub, settings);
            if (id is null)
            {
                ApiResponse started = await PlatformFixture.Send(host.Http, HttpMethod.Post, "api/pipelines/diagnostics", AdminKey,
                    new { steps = 1, stepDelayMilliseconds = 60_000 });
                Assert.Equal(HttpStatusCode.Accepted, started.Status);
                id = started.Json.GetProperty("id").GetString()!;
            }

            // Killed only once this very process has begun the step (its mark is on the step's attempt record).
            await WaitUntilAsync(() => BegunByAsync(attempts, host.ProcessId), TimeSpan.FromSeconds(60));
            await host.KillAsync();
        }

        await using HostProcess survivor = await HostProcess.StartAsync(platform.Storage.Azurite.Options, hub, settings);
        JsonElement done = await PlatformFixture.WaitFor(survivor.Http, AdminKey, id!, PlatformFixture.IsFinished, TimeSpan.FromSeconds(90));

        Assert.Equal("Failed", done.GetProperty("runtimeStatus").GetString());
        string reason = done.GetProperty("failureDetails").GetProperty("errorMessage").GetString()!;
        Assert.Contains("Quarantined", reason, StringComparison.Ordinal);
        Assert.Contains($"begun by {HostDeaths} host process(es)", reason, StringComparison.Ordinal);
        Assert.Contains("RunDiagnosticStepActivity", reason, StringComparison.Ordinal);
        Assert.False(survivor.HasExited);
        Assert.Equal(HttpStatusCode.OK, (await PlatformFixture.Send(survivor.Http, HttpMethod.Get, "api/health", null)).Status);

        // The step never ran to its end on any host.
        Assert.Empty(await new DiagnosticsLedger(platform.Blobs).CountExecutionsAsync(id!));
    }

    // Whether the process has begun the diagnostics step (not the run's earlier bookkeeping activity).
    private static async Task<bool> BegunByAsync(TableClient attempts, int processId)
    {
        try
        {
            await foreach (TableEntity entity in attempts.QueryAsync<TableEntity>())
            {
                if ((entity.GetString("Item") ?? string.Empty).Contains("|RunDiagnosticStepActivity|", StringComparison.Ordinal)
                    && (entity.GetString("Hosts") ?? string.Empty).Split(',').Any(h => h.Split(':')[1] == processId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    return true;
                }
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // The table is created with the first record.
        }

        return false;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            await Task.Delay(200, cancel.Token);
        }
    }
}
