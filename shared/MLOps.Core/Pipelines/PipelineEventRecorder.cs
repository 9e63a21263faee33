using Azure;
using Microsoft.Extensions.Logging;
using MLOps.Core.Audit;
using MLOps.Core.Events;

namespace MLOps.Core.Pipelines;

/// <summary>
/// Audits a pipeline's change of state and publishes it as a platform event. The audit record and the event are
/// identified by the instance and state, so a redelivered or retried activity appends no second record (it gets
/// the first one back) and publishes an event subscribers recognise as a duplicate.
/// The audit record is the proof; the event is a notification, so a topic outage is logged and does not fail
/// the pipeline.
/// </summary>
public sealed class PipelineEventRecorder(IAuditLog audit, IPlatformEventPublisher publisher, ILogger<PipelineEventRecorder> logger)
{
    public async Task<long> RecordAsync(PipelineLifecycleEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        string state = change.State.ToString().ToLowerInvariant();
        AuditRecord record = await audit.AppendAsync(
            new AuditEntry(
                $"pipeline:{change.Pipeline}", $"pipeline.{state}", change.InstanceId, null, change.Detail ?? state,
                AuditEventIds.PipelineState(change.InstanceId, state)),
            cancellationToken);

        string type = change.State switch
        {
            PipelineState.Started => PlatformEventTypes.PipelineStarted,
            PipelineState.Completed => PlatformEventTypes.PipelineCompleted,
            _ => PlatformEventTypes.PipelineFailed,
        };
        try
        {
            await publisher.PublishAsync(
                new PlatformEvent($"{change.InstanceId}:{state}", type, $"pipelines/{change.Pipeline}/{change.InstanceId}", change),
                cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(ex, "Publishing {Type} for {InstanceId} failed; the audit record {Sequence} stands.",
                type, change.InstanceId, record.Sequence);
        }

        return record.Sequence;
    }
}
