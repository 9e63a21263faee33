using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary>Reports (design, feasibility, quality, cleaning, profile, ROC, model card) as HTML, JSON or their native format.</summary>
public sealed class ReportFunctions(ReportHttpApi api)
{
    [Function("GetProjectReport")]
    public Task<IResult> ProjectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/reports/{report}")] HttpRequest request,
        string project,
        string report) =>
        api.ProjectReportAsync(request, project, report);

    [Function("GetFeatureSetReport")]
    public Task<IResult> FeatureSetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/reports/feature-sets/{version}/{report}")] HttpRequest request,
        string project,
        string version,
        string report) =>
        api.FeatureSetReportAsync(request, project, version, report);

    [Function("GetRunReport")]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/reports/runs/{runId}/{report}")] HttpRequest request,
        string project,
        string runId,
        string report) =>
        api.RunReportAsync(request, project, runId, report);

    [Function("GetModelReport")]
    public Task<IResult> ModelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/reports/models/{name}/versions/{version}/{report}")] HttpRequest request,
        string project,
        string name,
        string version,
        string report) =>
        api.ModelReportAsync(request, project, name, version, report);
}
