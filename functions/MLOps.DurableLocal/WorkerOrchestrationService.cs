using DurableTask.Core;
using DurableTask.Core.Entities;
using Microsoft.Extensions.Logging;

namespace MLOps.DurableLocal;

/// <summary>
/// The worker's view of the orchestration backend, changed in two ways; everything else passes through, entity
/// support included.
/// <list type="bullet">
/// <item>More activity dispatch loops than the backend asks for. The Azure Storage backend fixes
/// <see cref="IOrchestrationService.TaskActivityDispatcherCount"/> at 1, so DTFx fetches activity messages one queue
/// round trip at a time, however many activities may run at once; each extra loop adds one fetch in flight. Its
/// activity fetch is safe to call concurrently (one queue GET, then a concurrent dictionary of sessions); the loops
/// share its empty-queue back-off, so an idle loop may sleep up to the maximum polling interval after another was
/// woken.</item>
/// <item>Lock renewals that survive a storage outage. DTFx renews a running activity's queue message every 5 s,
/// but the first renewal that throws ends its renewal loop for good; the message then reappears one visibility
/// timeout later and is executed a second time while the first execution still runs (the backend logs "processed
/// multiple times concurrently", and the first execution's delete then fails on a stale pop receipt, so the message
/// comes back once more after it finished). A failed renewal is logged and reported as "not renewed" instead, so
/// DTFx tries again 5 s later and the lock holds across any outage shorter than the visibility timeout.</item>
/// </list>
/// </summary>
internal sealed class WorkerOrchestrationService(IEntityOrchestrationService inner, int activityDispatcherCount, ILogger logger)
    : IEntityOrchestrationService
{
    public int TaskActivityDispatcherCount => activityDispatcherCount;

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public EntityBackendProperties? EntityBackendProperties => inner.EntityBackendProperties;

    public EntityBackendQueries? EntityBackendQueries => inner.EntityBackendQueries;

    public Task StartAsync() => inner.StartAsync();

    public Task StopAsync() => inner.StopAsync();

    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task<TaskOrchestrationWorkItem> LockNextOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task<TaskOrchestrationWorkItem> LockNextEntityWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextEntityWorkItemAsync(receiveTimeout, cancellationToken);

    public async Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        try
        {
            await inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            logger.LogWarning(ex, "Renewing the lock of orchestration work item {Id} failed; retrying at the next renewal.", workItem.InstanceId);
        }
    }

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public async Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        try
        {
            return await inner.RenewTaskActivityWorkItemLockAsync(workItem);
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            // Unchanged LockedUntilUtc: DTFx sees the renewal is still due and tries again on its next 5 s tick.
            logger.LogWarning(ex, "Renewing the lock of activity work item {Id} failed; retrying at the next renewal.", workItem.Id);
            return workItem;
        }
    }

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);

    /// <summary>
    /// Storage errors and request timeouts (which surface as cancellations). A shutting-down dispatcher stops renewing
    /// through its own cancellation token, so only a disposed backend or exhausted memory end the renewals here.
    /// </summary>
    private static bool IsTransient(Exception ex) => ex is not (ObjectDisposedException or OutOfMemoryException);
}
