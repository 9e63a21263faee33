using DurableTask.AzureStorage;

namespace MLOps.DurableLocal;

/// <summary>
/// Settings of the embedded Durable Task engine. Defaults are the tuned values measured on a 2-core machine
/// against Azurite; <see cref="Stock"/> gives DTFx's own defaults for comparison in benchmarks.
/// </summary>
/// <remarks>
/// Queue visibility, measured with the host as a child process (a diagnostics step SIGKILLed mid-activity, the host
/// restarted; and Azurite frozen with SIGSTOP for 25–30 s during a 50 s activity): at 20 s (before) the killed work
/// re-ran ~20 s after the restart, but the frozen storage made DTFx log "processed multiple times concurrently" 2–5
/// times, because its first failed renewal ended the renewals; at 30 s with renewals that survive failures
/// (<see cref="WorkerOrchestrationService"/>) it re-ran after ~29 s and nothing was processed twice; at 60 s, after ~59 s.
/// 30 s keeps recovery within half a minute and rides out outages up to ~25 s (visibility minus one 5 s renewal
/// period); beyond that, activities are idempotent (finished trials return their recorded outcome).
/// </remarks>
public sealed class EmbeddedEngineOptions
{
    public const string SectionName = "DurableEngine";

    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    public string TaskHubName { get; set; } = "mlops";

    public int PartitionCount { get; set; } = 4;

    /// <summary>Keeps orchestration history in memory between episodes, which avoids replaying from storage.</summary>
    public bool ExtendedSessionsEnabled { get; set; } = true;

    public int MaxConcurrentActivities { get; set; } = 50;

    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>
    /// How long a dequeued orchestration (control queue) message stays invisible: how soon a killed host's
    /// orchestration messages reappear (after its partition leases expire). Episodes take milliseconds and their
    /// locks are renewed, so this only has to outlast an outage plus one renewal period.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a dequeued activity message stays invisible: how soon a killed host's running activities are
    /// picked up by another, and how long an outage may last before a still-running activity's message reappears
    /// and runs a second time (DTFx renews it every 5 s, <see cref="WorkerOrchestrationService"/> keeps renewing
    /// through failures). See the remarks on the class for the measurements.
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Activity fetch loops. The Azure Storage backend runs one, so activity messages are dequeued one round trip
    /// at a time however many activities may run at once, and a fan-out drains its work-item queue at the pace of
    /// that one loop. Against Azurite the longer the queues, the dearer every queue operation (it scans and sorts
    /// all stored messages), so draining faster also makes each request cheaper: 2 to 16 loops measured 20-25%
    /// faster than 1 on a 1000-activity fan-out on 2 cores, with no gain beyond 2 there; 4 leaves headroom for the
    /// higher round-trip latency of a real storage account. See tests/MLOps.Benchmarks.
    /// </summary>
    public int ActivityDispatcherCount { get; set; } = 4;

    /// <summary>
    /// After how many host deaths during one work item (an activity, or an orchestration episode) the item is
    /// quarantined instead of run again; 0 turns the guard off. See <c>Quarantine.WorkItemQuarantine</c>.
    /// </summary>
    public int QuarantineAfterHostDeaths { get; set; } = 3;

    /// <summary>DTFx's stock configuration, used as the baseline in benchmarks.</summary>
    public static EmbeddedEngineOptions Stock(string connectionString, string taskHubName)
    {
        // Read from DTFx's own settings object so the baseline cannot drift from the library's defaults.
        var dtfx = new AzureStorageOrchestrationServiceSettings();
        return new()
        {
            StorageConnectionString = connectionString,
            TaskHubName = taskHubName,
            PartitionCount = dtfx.PartitionCount,
            ExtendedSessionsEnabled = dtfx.ExtendedSessionsEnabled,
            MaxConcurrentActivities = dtfx.MaxConcurrentTaskActivityWorkItems,
            MaxConcurrentOrchestrations = dtfx.MaxConcurrentTaskOrchestrationWorkItems,
            ControlQueueVisibilityTimeout = dtfx.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = dtfx.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = dtfx.MaxQueuePollingInterval,
            ActivityDispatcherCount = 1,
        };
    }
}
