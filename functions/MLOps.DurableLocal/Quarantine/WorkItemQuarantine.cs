using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;
using Microsoft.Extensions.Logging;

namespace MLOps.DurableLocal.Quarantine;

/// <summary>
/// Dispatcher middleware that keeps a poison work item from crash-looping the host. A stack overflow or an
/// out-of-memory kill cannot be caught in .NET, and the Azure Storage backend redelivers the item to every
/// restarted host (it counts dequeues but never stops redelivering). So each orchestration episode and activity
/// is recorded as begun (<see cref="IWorkItemAttempts"/>) before it runs and as ended after; when an item has
/// already been begun by <see cref="MaxHostDeaths"/> host incarnations that never finished it, it is not run
/// again: an activity fails (non-retriable) and an orchestration ends Failed, each with a reason the API shows.
/// The primary defence is still validation at the door; this is the second line. Without a record
/// (<c>DurableEngine:QuarantineAfterHostDeaths</c> 0) every item simply runs.
/// </summary>
public sealed class WorkItemQuarantine(IWorkItemAttempts? attempts, int maxHostDeaths, ILogger logger)
{
    /// <summary>The failure type a quarantined item ends with.</summary>
    public const string ErrorType = "MLOps.WorkItemQuarantined";

    public int MaxHostDeaths => maxHostDeaths;

    public async Task ActivityAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (attempts is null)
        {
            await next();
            return;
        }

        OrchestrationInstance instance = context.GetProperty<OrchestrationInstance>();
        TaskScheduledEvent scheduled = context.GetProperty<TaskScheduledEvent>();

        // A retry of the same activity with the same input shares the record, so it is refused at once too.
        string key = $"activity|{instance.InstanceId}|{instance.ExecutionId}|{scheduled.Name}|{Digest(scheduled.Input)}";
        int deaths = await this.BeginAsync(attempts, key);
        if (deaths >= maxHostDeaths)
        {
            string reason = this.Reason($"activity '{scheduled.Name}' of instance '{instance.InstanceId}'", deaths);
            context.SetProperty(new ActivityExecutionResult
            {
                ResponseEvent = new TaskFailedEvent(-1, scheduled.EventId, reason, null, new FailureDetails(ErrorType, reason, null, null, isNonRetriable: true)),
            });
            return;
        }

        try
        {
            await next();
        }
        finally
        {
            await this.EndAsync(attempts, key);
        }
    }

    public async Task OrchestrationAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (attempts is null)
        {
            await next();
            return;
        }

        OrchestrationRuntimeState state = context.GetProperty<OrchestrationRuntimeState>();

        // The episode that follows the committed history: after a crash, the same history is read again.
        int committed = state.Events.Count - state.NewEvents.Count;
        string key = string.Create(CultureInfo.InvariantCulture, $"orchestration|{state.OrchestrationInstance?.InstanceId}|{state.OrchestrationInstance?.ExecutionId}|{committed}");
        int deaths = await this.BeginAsync(attempts, key);
        try
        {
            if (deaths < maxHostDeaths)
            {
                await next();
                return;
            }

            string reason = this.Reason($"orchestration '{state.Name}' of instance '{state.OrchestrationInstance?.InstanceId}'", deaths);
            context.SetProperty(new OrchestratorExecutionResult
            {
                Actions =
                [
                    new OrchestrationCompleteOrchestratorAction
                    {
                        Id = committed,
                        OrchestrationStatus = OrchestrationStatus.Failed,
                        Result = reason,
                        FailureDetails = new FailureDetails(ErrorType, reason, null, null, isNonRetriable: true),
                    },
                ],
                CustomStatus = state.Status,
            });
        }
        finally
        {
            await this.EndAsync(attempts, key);
        }
    }

    // The guard is a safety net: when its record cannot be read (storage trouble), the item runs as it would without it.
    private async Task<int> BeginAsync(IWorkItemAttempts ledger, string key)
    {
        try
        {
            return await ledger.BeginAsync(key);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or TimeoutException)
        {
            logger.LogWarning(ex, "The attempt record of {Key} could not be written; running it unguarded.", key);
            return 0;
        }
    }

    private async Task EndAsync(IWorkItemAttempts ledger, string key)
    {
        try
        {
            await ledger.EndAsync(key);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or IOException or TimeoutException)
        {
            logger.LogWarning(ex, "The attempt record of {Key} could not be removed; only another host's later attempt would count it.", key);
        }
    }

    private string Reason(string item, int deaths)
    {
        string reason = string.Create(CultureInfo.InvariantCulture,
            $"Quarantined: the {item} was begun by {deaths} host process(es) that stopped before it finished, so it is not run again; its input may crash the host.");
        logger.LogError("{Reason}", reason);
        return reason;
    }

    private static string Digest(string? input) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input ?? string.Empty)))[..32];
}
