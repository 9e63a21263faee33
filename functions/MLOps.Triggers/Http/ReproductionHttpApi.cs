using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using MLOps.Core;
using MLOps.Core.Experiments;
using MLOps.Core.Pipelines;
using MLOps.Core.Security;
using MLOps.Core.Tracking;
using MLOps.Training.Experiments;
using MLOps.Triggers.Launching;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>POST /api/projects/{project}/runs/{runId}/reproduce</c>: starts the <c>reproduce</c> pipeline and answers 202 with
/// its status URL; training never runs inside the request (Azure ends HTTP requests at 230 s). What is knowable
/// without training is answered at once: 404 for an unknown run, 409 for one that cannot be reproduced as recorded.
/// </summary>
public sealed class ReproductionHttpApi(
    RunReproducer reproducer, IExperimentTracker tracker, PipelineCatalog catalog, PipelineLauncher launcher, RequestGuard guard)
{
    public async Task<IResult> ReproduceAsync(HttpRequest request, string project, string runId, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        PipelineDefinition pipeline = catalog.TryGet(PipelineNames.Reproduce, out PipelineDefinition? found)
            ? found : throw new InvalidOperationException("The reproduce pipeline is not in the catalog.");
        if (!guard.TryAuthorizeStart(request, pipeline, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        CancellationToken cancellationToken = request.HttpContext.RequestAborted;
        if (await tracker.GetRunAsync(project, runId, cancellationToken) is null)
        {
            return Problems.NotFound($"Project '{project}' has no run '{runId}'.");
        }

        try
        {
            await reproducer.CheckAsync(project, runId, cancellationToken);
        }
        catch (DataRejectedException ex)
        {
            // The run exists but cannot be trained again as recorded (not completed, its data changed or is gone).
            return Problems.Conflict(ex.Message);
        }

        StartOutcome outcome = await launcher.StartAsync(
            client, pipeline, new ReproductionRequest(project, runId), instanceId: null, caller, "http", cancellationToken);
        ManagementUrls urls = ManagementUrls.For(request, pipeline.Name, outcome.InstanceId, outcome.Duplicate);
        return Results.Accepted(urls.StatusQueryGetUri, urls);
    }
}
