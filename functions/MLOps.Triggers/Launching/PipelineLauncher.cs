using System.Globalization;
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
/// Starts pipeline runs for every trigger. With a deterministic instance id the start is idempotent and atomic:
/// a redelivered event, a second watcher or ten identical requests at once start one run, audited once, because
/// only the caller that wins the id's start claim (<see cref="IStartClaims"/>) schedules it. A run of an
/// <see cref="IExclusivePipelineInput"/> is started only once it holds every resource it changes (<see cref="IRunLocks"/>):
/// while another run holds one, the start is refused, naming that run.
/// </summary>
public sealed class PipelineLauncher(IAuditLog audit, IStartClaims claims, IRunLocks locks, PlatformMetrics metrics, ILogger<PipelineLauncher> logger)
{
    private static readonly OrchestrationRuntimeStatus[] InFlight =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    /// <summary>How long a start claim without a run blocks its id: far longer than a start takes, far shorter than a redelivery.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromSeconds(60);

    private static readonly OrchestrationRuntimeStatus[] Restartable =
        [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>A start under <see cref="StartPolicy.Once"/>.</summary>
    public Task<StartOutcome> StartAsync(
        DurableTaskClient client,
        PipelineDefinition pipeline,
        object input,
        string? instanceId,
        CallerIdentity caller,
        string trigger,
        CancellationToken cancellationToken) =>
        this.StartAsync(client, pipeline, input, instanceId, caller, trigger, StartPolicy.Once, cancellationToken);

    public async Task<StartOutcome> StartAsync(
        DurableTaskClient client,
        PipelineDefinition pipeline,
        object input,
        string? instanceId,
        CallerIdentity caller,
        string trigger,
        StartPolicy policy = StartPolicy.Once,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(caller);
        if (input is IPipelineInput stamped)
        {
            input = stamped.ForCaller(caller.Principal);
        }

        // An exclusive run is named before it starts, so the locks it takes can name it.
        if (input is IExclusivePipelineInput && instanceId is null)
        {
            instanceId = Guid.NewGuid().ToString("N");
        }

        string? generation = null;
        if (instanceId is not null)
        {
            OrchestrationMetadata? existing = await client.GetInstanceAsync(instanceId, cancellationToken);
            bool replaceable = existing is null || (policy == StartPolicy.AgainAfterFailure && Restartable.Contains(existing.RuntimeStatus));
            generation = Generation(existing);
            if (!replaceable || !await claims.TryClaimAsync(instanceId, generation, StaleClaim, cancellationToken))
            {
                return this.Duplicate(pipeline, instanceId, trigger);
            }

            // Claims are let go once their run is scheduled: a caller that looked before another's run existed and
            // claims after it was scheduled must find that run now.
            if (Generation(await client.GetInstanceAsync(instanceId, cancellationToken)) != generation)
            {
                await claims.ReleaseAsync(instanceId, generation, CancellationToken.None);
                return this.Duplicate(pipeline, instanceId, trigger);
            }
        }

        if (input is IExclusivePipelineInput exclusive
            && await locks.TryAcquireAsync(exclusive.Resources, instanceId!, (id, c) => IsRunningAsync(client, id, c), StaleClaim, cancellationToken) is { } holder)
        {
            await claims.ReleaseAsync(instanceId!, generation!, CancellationToken.None);
            logger.LogInformation("{Pipeline} start refused: {Resource} is being changed by instance {Holder}.",
                pipeline.Name, LogText.Escape(holder.Resource), LogText.Escape(holder.InstanceId));
            return new StartOutcome(pipeline, instanceId!, Duplicate: false) { Busy = holder };
        }

        string id;
        try
        {
            id = await client.ScheduleNewOrchestrationInstanceAsync(
                new TaskName(pipeline.Orchestrator),
                input,
                new StartOrchestrationOptions(instanceId) { DedupeStatuses = instanceId is null ? null : DedupeStatuses(policy) },
                cancellationToken);
        }
        catch (InvalidOperationException) when (instanceId is not null)
        {
            // The backend refused it as existing: a start that won by other means (a host of an older version).
            return this.Duplicate(pipeline, instanceId, trigger);
        }
        finally
        {
            // Scheduled or refused, the backend now knows the instance and refuses any later start itself.
            if (generation is not null)
            {
                await claims.ReleaseAsync(instanceId!, generation, CancellationToken.None);
            }
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
            pipeline.Name, LogText.Escape(id), trigger, LogText.Escape(caller.Principal));
        return new StartOutcome(pipeline, id, Duplicate: false);
    }

    private static async Task<bool?> IsRunningAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(instanceId, cancellationToken) is { } holder ? InFlight.Contains(holder.RuntimeStatus) : null;

    /// <summary>Which run a start replaces: none, or the existing one by its creation time.</summary>
    private static string Generation(OrchestrationMetadata? existing) =>
        existing is null ? "none" : existing.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    // The backend's own refusal, as a second line behind the claim.
    private static string[] DedupeStatuses(StartPolicy policy) =>
        Enum.GetValues<OrchestrationRuntimeStatus>()
            .Where(s => policy == StartPolicy.Once || !Restartable.Contains(s))
            .Select(s => s.ToString())
            .ToArray();

    private StartOutcome Duplicate(PipelineDefinition pipeline, string instanceId, string trigger)
    {
        metrics.DuplicateStart(pipeline.Name, trigger);
        logger.LogInformation("{Pipeline} instance {InstanceId} already exists; {Trigger} delivery ignored.",
            pipeline.Name, LogText.Escape(instanceId), trigger);
        return new StartOutcome(pipeline, instanceId, Duplicate: true);
    }
}
