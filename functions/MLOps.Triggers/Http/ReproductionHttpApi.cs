using Microsoft.AspNetCore.Http;
using MLOps.Core;
using MLOps.Core.Security;
using MLOps.Training.Experiments;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>POST /api/projects/{project}/runs/{runId}/reproduce</c>: trains a recorded run again from what the tracker
/// holds and answers the recorded and recomputed metrics side by side (synchronously: one run's cross-validation).
/// </summary>
public sealed class ReproductionHttpApi(RunReproducer reproducer, RequestGuard guard)
{
    public async Task<IResult> ReproduceAsync(HttpRequest request, string project, string runId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.ManageModels, out _, out IResult? denied))
        {
            return denied;
        }

        try
        {
            RunReproduction result = await reproducer.ReproduceAsync(project, runId, request.HttpContext.RequestAborted);
            return Results.Ok(new { result.RunId, result.Recorded, result.Reproduced, result.MaxDifference, reproducedWithin1e9 = result.Reproduced1e9 });
        }
        catch (DataRejectedException ex)
        {
            return Problems.NotFound(ex.Message);
        }
    }
}
