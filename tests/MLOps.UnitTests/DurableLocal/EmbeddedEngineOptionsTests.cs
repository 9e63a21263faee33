using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Entities;
using Microsoft.Extensions.Logging.Abstractions;
using MLOps.DurableLocal;
using Moq;

namespace MLOps.UnitTests.DurableLocal;

/// <summary>
/// The embedded engine's settings: each option reaches DTFx, the baseline is DTFx's documented defaults, the tuned
/// defaults are the measured values the README states, and a failed lock renewal does not end the renewals.
/// </summary>
public class EmbeddedEngineOptionsTests
{
    [Fact]
    public void Every_option_reaches_the_dtfx_settings_it_stands_for()
    {
        var options = new EmbeddedEngineOptions
        {
            TaskHubName = "hub7",
            PartitionCount = 3,
            ExtendedSessionsEnabled = false,
            MaxConcurrentActivities = 7,
            MaxConcurrentOrchestrations = 5,
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(41),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(83),
            MaxQueuePollingInterval = TimeSpan.FromSeconds(2),
        };

        AzureStorageOrchestrationServiceSettings settings = OrchestrationServiceFactory.Settings(options, NullLoggerFactory.Instance);

        Assert.Equal(
            ("hub7", 3, false, 7, 5, TimeSpan.FromSeconds(41), TimeSpan.FromSeconds(83), TimeSpan.FromSeconds(2)),
            (settings.TaskHubName, settings.PartitionCount, settings.ExtendedSessionsEnabled, settings.MaxConcurrentTaskActivityWorkItems,
                settings.MaxConcurrentTaskOrchestrationWorkItems, settings.ControlQueueVisibilityTimeout, settings.WorkItemQueueVisibilityTimeout,
                settings.MaxQueuePollingInterval));
    }

    [Fact]
    public void The_stock_baseline_is_what_dtfx_documents_as_its_defaults()
    {
        // DTFx's documented defaults: 4 partitions, no extended sessions, 5-minute visibility on both queues, 30 s polling.
        EmbeddedEngineOptions stock = EmbeddedEngineOptions.Stock("UseDevelopmentStorage=true", "hub");

        Assert.Equal(
            (4, false, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), 1),
            (stock.PartitionCount, stock.ExtendedSessionsEnabled, stock.ControlQueueVisibilityTimeout, stock.WorkItemQueueVisibilityTimeout,
                stock.MaxQueuePollingInterval, stock.ActivityDispatcherCount));
    }

    [Fact]
    public void The_tuned_defaults_are_the_measured_values()
    {
        var tuned = new EmbeddedEngineOptions();

        Assert.Equal(
            (true, 50, 16, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1), 4),
            (tuned.ExtendedSessionsEnabled, tuned.MaxConcurrentActivities, tuned.MaxConcurrentOrchestrations, tuned.ControlQueueVisibilityTimeout,
                tuned.WorkItemQueueVisibilityTimeout, tuned.MaxQueuePollingInterval, tuned.ActivityDispatcherCount));
    }

    [Fact]
    public async Task A_lock_renewal_that_fails_during_an_outage_leaves_the_lock_due_so_the_next_tick_renews_it()
    {
        var backend = new Mock<IEntityOrchestrationService>();
        var workItem = new TaskActivityWorkItem { Id = "m1", LockedUntilUtc = new DateTime(2025, 1, 1, 0, 0, 20, DateTimeKind.Utc) };
        backend.SetupSequence(b => b.RenewTaskActivityWorkItemLockAsync(workItem))
            .ThrowsAsync(new TimeoutException("storage did not answer"))
            .ThrowsAsync(new TaskCanceledException("request timed out"))
            .ReturnsAsync(new TaskActivityWorkItem { Id = "m1", LockedUntilUtc = new DateTime(2025, 1, 1, 0, 1, 0, DateTimeKind.Utc) });
        var worker = new WorkerOrchestrationService(backend.Object, 4, NullLogger.Instance);

        TaskActivityWorkItem first = await worker.RenewTaskActivityWorkItemLockAsync(workItem);
        TaskActivityWorkItem second = await worker.RenewTaskActivityWorkItemLockAsync(workItem);
        TaskActivityWorkItem renewed = await worker.RenewTaskActivityWorkItemLockAsync(workItem);

        Assert.Same(workItem, first);
        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 20, DateTimeKind.Utc), second.LockedUntilUtc);
        Assert.Equal(new DateTime(2025, 1, 1, 0, 1, 0, DateTimeKind.Utc), renewed.LockedUntilUtc);
        Assert.Equal(4, worker.TaskActivityDispatcherCount);
        backend.Setup(b => b.RenewTaskActivityWorkItemLockAsync(workItem)).ThrowsAsync(new ObjectDisposedException("backend"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => worker.RenewTaskActivityWorkItemLockAsync(workItem));
    }
}
