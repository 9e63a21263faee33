using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary>Feature-set versions, their statistics, online lookups and lineage.</summary>
public sealed class FeatureStoreFunctions(FeatureStoreHttpApi api)
{
    [Function("ListFeatureSets")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/feature-sets")] HttpRequest request,
        string project) =>
        api.ListAsync(request, project);

    [Function("GetFeatureSet")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/feature-sets/{version}")] HttpRequest request,
        string project,
        string version) =>
        api.GetAsync(request, project, version);

    [Function("GetFeatureStatistics")]
    public Task<IResult> GetStatisticsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/feature-sets/{version}/statistics")] HttpRequest request,
        string project,
        string version) =>
        api.GetStatisticsAsync(request, project, version);

    [Function("BuildTrainingSet")]
    public Task<IResult> TrainingSetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{project}/feature-sets/{version}/training-set")] HttpRequest request,
        string project,
        string version) =>
        api.TrainingSetAsync(request, project, version);

    [Function("GetOnlineFeatures")]
    public Task<IResult> GetOnlineAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/online-features")] HttpRequest request,
        string project) =>
        api.GetOnlineAsync(request, project);

    [Function("GetLineage")]
    public Task<IResult> GetLineageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "lineage")] HttpRequest request) =>
        api.GetLineageAsync(request);
}
