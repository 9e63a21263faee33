using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using MLOps.Core.Audit;
using MLOps.Core.Observability;
using MLOps.Core.Pipelines;
using MLOps.Core.Security;

namespace MLOps.Triggers.Launching;

/// <summary>
/// Starts pipeline runs for every trigger. With a deterministic instance id the start is idempotent: a
/// redelivered event or a second watcher finds the instance and starts nothing.
/// </summary>
public sealed class PipelineLauncher(IAuditLog audit, PlatformMetrics metrics, ILogger<PipelineLauncher> logger)
{
    private static readonly IReadOnlyList<string> AnyStatus =
        Enum.GetNames<OrchestrationRuntimeStatus>();

    public async Task<StartOutcome> StartAsync(
        DurableTaskClient client,
        PipelineDefinition pipeline,
        object input,
        string? instanceId,
        CallerIdentity caller,
        string trigger,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(caller);
        if (instanceId is not null && await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return this.Duplicate(pipeline, instanceId, trigger);
        }

        if (input is IPipelineInput stamped)
        {
            input = stamped.ForCaller(caller.Principal);
        }

        string id;
        try
        {
            id = await client.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(pipeline.Orchestrator),
                input,
                new StartOrchestrationOptions(instanceId) { DedupeStatuses = instanceId is null ? null : AnyStatus },
                cancellationToken);
        }
        catch (InvalidOperationException) when (instanceId is not null)
        {
            // Lost a race with another delivery of the same trigger.
            return this.Duplicate(pipeline, instanceId, trigger);
        }

        await audit.AppendAsync(
            new AuditEntry(
                caller.Principal,
                "pipeline.start",
                $"{pipeline.Name}/{id}",
                AuditHashing.Sha256(JsonSerializer.Serialize(input, pipeline.InputType)),
                $"accepted via {trigger}",
                AuditEventIds.PipelineStart(id)),
            cancellationToken);
        metrics.PipelineStarted(pipeline.Name, trigger);
        logger.LogInformation("Started {Pipeline} instance {InstanceId} via {Trigger} for {Principal}.",
            pipeline.Name, id, trigger, caller.Principal);
        return new StartOutcome(pipeline, id, Duplicate: false);
    }

    private StartOutcome Duplicate(PipelineDefinition pipeline, string instanceId, string trigger)
    {
        metrics.DuplicateStart(pipeline.Name, trigger);
        logger.LogInformation("{Pipeline} instance {InstanceId} already exists; {Trigger} delivery ignored.",
            pipeline.Name, instanceId, trigger);
        return new StartOutcome(pipeline, instanceId, Duplicate: true);
    }
}
