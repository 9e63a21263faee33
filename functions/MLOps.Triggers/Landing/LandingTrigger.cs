using Microsoft.DurableTask.Client;
using MLOps.Core.DataEngineering;
using MLOps.Core.Landing;
using MLOps.Core.Pipelines;
using MLOps.Core.Security;
using MLOps.Triggers.Launching;

namespace MLOps.Triggers.Landing;

/// <summary>
/// A blob created under <c>landing/{project}/</c> starts that project's data pipeline, once per blob version:
/// the Azure Blob trigger, the local watcher and Event Grid's BlobCreated all come through here.
/// </summary>
public sealed class LandingTrigger(PipelineCatalog catalog, PipelineLauncher launcher)
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
        return new LandingOutcome(outcome, []);
    }
}

/// <summary>A started (or recognised duplicate) run, or the reasons the blob was refused.</summary>
public sealed record LandingOutcome(StartOutcome? Start, IReadOnlyList<string> Problems);
