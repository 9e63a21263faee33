using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary>Tracked runs: search, one run, side-by-side comparison, the best run of an experiment, reproduction.</summary>
public sealed class TrackingFunctions(TrackingHttpApi api, ReproductionHttpApi reproduction)
{
    [Function("SearchRuns")]
    public Task<IResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/runs")] HttpRequest request,
        string project) =>
        api.SearchAsync(request, project);

    // The host orders routes by function name, not by ASP.NET precedence: TrackingHttpApi.GetAsync also dispatches 'compare' and 'best'.
    [Function("CompareRuns")]
    public Task<IResult> CompareAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/runs/compare")] HttpRequest request,
        string project) =>
        api.CompareAsync(request, project);

    [Function("GetBestRun")]
    public Task<IResult> BestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/runs/best")] HttpRequest request,
        string project) =>
        api.BestAsync(request, project);

    [Function("GetRun")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/runs/{runId}")] HttpRequest request,
        string project,
        string runId) =>
        api.GetAsync(request, project, runId);

    [Function("ReproduceRun")]
    public Task<IResult> ReproduceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{project}/runs/{runId}/reproduce")] HttpRequest request,
        string project,
        string runId,
        [DurableClient] DurableTaskClient client) =>
        reproduction.ReproduceAsync(request, project, runId, client);
}
