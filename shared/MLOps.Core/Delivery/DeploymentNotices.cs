using Azure;
using Microsoft.Extensions.Logging;
using MLOps.Core.Audit;
using MLOps.Core.Events;

namespace MLOps.Core.Delivery;

/// <summary>
/// Audits a deployment's moment and publishes it. As for pipeline events, the audit record is the proof and the
/// event a notification: a topic outage is logged and does not fail the rollout. The event's data is
/// <see cref="DeploymentEvent"/>.
/// </summary>
public sealed class DeploymentNotices(IAuditLog audit, IPlatformEventPublisher publisher, ILogger<DeploymentNotices> logger)
{
    /// <summary>Who the audit log names for what a run does on its own.</summary>
    public const string Actor = "system:cd";

    public async Task<long> RecordAsync(DeploymentNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        AuditRecord record = await audit.AppendAsync(
            new AuditEntry(
                Actor,
                Action(notice.Type),
                $"{notice.Project}/endpoints/{notice.Endpoint ?? "-"} ({notice.RunId})",
                AuditHashing.Sha256(notice.Candidate.Digest),
                $"{notice.Candidate}{(notice.Step is null ? string.Empty : $", step '{notice.Step}'")}: {notice.Detail}",
                AuditEventIds.Deployment(notice.RunId, notice.Key)),
            cancellationToken);
        try
        {
            await publisher.PublishAsync(
                new PlatformEvent($"{notice.RunId}:{notice.Key}", notice.Type, $"projects/{notice.Project}/deployments/{notice.RunId}", DeploymentEvent.Of(notice)),
                cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(ex, "Publishing {Type} for {RunId} failed; the audit record {Sequence} stands.", notice.Type, notice.RunId, record.Sequence);
        }

        return record.Sequence;
    }

    public static string Action(string type) => type switch
    {
        PlatformEventTypes.DeploymentStepCompleted => "deployment.step.completed",
        PlatformEventTypes.DeploymentPromoted => "deployment.promoted",
        PlatformEventTypes.DeploymentRolledBack => "deployment.rolledback",
        PlatformEventTypes.DeploymentDiscarded => "deployment.discarded",
        PlatformEventTypes.ApprovalEscalated => "deployment.approval.escalated",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a deployment event type."),
    };
}
