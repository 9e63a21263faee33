using Microsoft.AspNetCore.Http;
using MLOps.Core;
using MLOps.Core.Security;
using MLOps.Core.Tracking;
using MLOps.Training.Experiments;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>POST /api/projects/{project}/runs/{runId}/reproduce</c>: trains a recorded run again from what the tracker
/// holds and answers the recorded and recomputed metrics side by side (synchronously: one run's cross-validation).
/// </summary>
public sealed class ReproductionHttpApi(RunReproducer reproducer, IExperimentTracker tracker, RequestGuard guard)
{
    public async Task<IResult> ReproduceAsync(HttpRequest request, string project, string runId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.ManageModels, out _, out IResult? denied))
        {
            return denied;
        }

        if (await tracker.GetRunAsync(project, runId, request.HttpContext.RequestAborted) is null)
        {
            return Problems.NotFound($"Project '{project}' has no run '{runId}'.");
        }

        try
        {
            RunReproduction result = await reproducer.ReproduceAsync(project, runId, request.HttpContext.RequestAborted);
            return Results.Ok(new { result.RunId, result.Recorded, result.Reproduced, result.MaxDifference, reproducedWithin1e9 = result.Reproduced1e9 });
        }
        catch (DataRejectedException ex)
        {
            // The run exists but cannot be trained again as recorded (not completed, its data changed or is gone).
            return Problems.Conflict(ex.Message);
        }
    }
}
