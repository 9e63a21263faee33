using System.Text.Json;
using Microsoft.DurableTask.Client;
using MLOps.Core.DataEngineering;
using MLOps.Core.Landing;
using MLOps.Core.Pipelines;
using MLOps.Core.Projects;
using MLOps.Core.Security;
using MLOps.Core.Serialization;
using MLOps.Core.Storage;
using MLOps.Triggers.Launching;

namespace MLOps.Triggers.Landing;

/// <summary>
/// A blob created under <c>landing/{project}/</c> starts that project's data pipeline, once per blob version:
/// the Azure Blob trigger, the local watcher, Event Grid's BlobCreated and the upload route all come through here.
/// A file of a project without a registered spec waits in the landing ledger (<see cref="ILandingQueue"/>); the
/// completion of the project's Requirements run releases the newest waiting file through this same start.
/// </summary>
public sealed class LandingTrigger(PipelineCatalog catalog, PipelineLauncher launcher, ILandingQueue queue)
{
    public async Task<LandingOutcome> OnBlobCreatedAsync(
        LandingBlob blob, DurableTaskClient client, string trigger, CallerIdentity? caller = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        IReadOnlyList<string> problems = blob.Validate();
        if (problems.Count > 0)
        {
            return new LandingOutcome(null, problems);
        }

        LandingAdmission admission = await queue.AdmitAsync(blob, cancellationToken);
        if (!admission.Start)
        {
            return new LandingOutcome(null, [], admission.Held);
        }

        PipelineDefinition pipeline = catalog.TryGet(PipelineNames.DataEngineering, out PipelineDefinition? found)
            ? found
            : throw new InvalidOperationException("The data engineering pipeline is not in the catalog.");
        StartOutcome outcome = await launcher.StartAsync(
            client,
            pipeline,
            DataEngineeringRequest.From(blob),
            blob.PipelineInstanceId(),
            caller ?? CallerIdentity.System(trigger),
            trigger,
            cancellationToken);
        await queue.RecordStartedAsync(blob, outcome.InstanceId, cancellationToken);
        return new LandingOutcome(outcome, []);
    }

    /// <summary>
    /// A pipeline's completion event (<c>MLOps.Pipeline.Completed</c>, data: the lifecycle event). For a Requirements run
    /// the project it registered is released: its newest waiting file is started. Null when the event is not such a
    /// completion or nothing waits. The event is recorded as the run's last step, before the instance itself reads as
    /// completed, so the project comes from the instance's input; a forged event releases nothing that may not run,
    /// since a file only starts once its project is registered.
    /// </summary>
    public async Task<LandingOutcome?> OnPipelineCompletedAsync(
        string? eventData, DurableTaskClient client, CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        PipelineLifecycleEvent? change = Parse(eventData);
        if (change is not { Pipeline: PipelineNames.Requirements, State: PipelineState.Completed })
        {
            return null;
        }

        OrchestrationMetadata? instance = await client.GetInstanceAsync(change.InstanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is not { Name: OrchestratorNames.Requirements } || instance.ReadInputAs<RequirementsRequest>() is not { } request)
        {
            return null;
        }

        LandedFile? newest = await queue.TakeNewestWaitingAsync(request.Project, cancellationToken);
        return newest is null
            ? null
            : await this.OnBlobCreatedAsync(newest.ToBlob(BlobContainers.Landing), client, "spec-registered", caller, cancellationToken);
    }

    private static PipelineLifecycleEvent? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PipelineLifecycleEvent>(json, FiniteJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// A started (or recognised duplicate) run, or the reasons the blob was refused, or — neither started nor refused —
/// the ledger entry of a file that waits for its project's spec or was superseded.
/// </summary>
public sealed record LandingOutcome(StartOutcome? Start, IReadOnlyList<string> Problems, LandedFile? Held = null);
