using DurableTask.AzureStorage;

namespace MLOps.DurableLocal;

/// <summary>
/// Settings of the embedded Durable Task engine. Defaults are the tuned values measured on a 2-core machine
/// against Azurite; <see cref="Stock"/> gives DTFx's own defaults for comparison in benchmarks.
/// </summary>
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
    /// How long a dequeued message stays invisible. Short values let a new host pick up the work of a crashed
    /// one within seconds instead of the 5-minute default.
    /// </summary>
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

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
            QueueVisibilityTimeout = dtfx.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = dtfx.MaxQueuePollingInterval,
            ActivityDispatcherCount = 1,
        };
    }
}
