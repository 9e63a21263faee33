using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary>Registered models: versions, cards, URI resolution, comparison, approval and alias moves.</summary>
public sealed class ModelRegistryFunctions(ModelRegistryHttpApi api)
{
    // The host orders routes by function name, not by ASP.NET precedence: ModelRegistryHttpApi.GetModelAsync also dispatches 'resolve'.
    [Function("ResolveModelUri")]
    public Task<IResult> ResolveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/models/resolve")] HttpRequest request,
        string project) =>
        api.ResolveAsync(request, project);

    [Function("GetModel")]
    public Task<IResult> GetModelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/models/{name}")] HttpRequest request,
        string project,
        string name) =>
        api.GetModelAsync(request, project, name);

    [Function("CompareModelVersions")]
    public Task<IResult> CompareAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/models/{name}/compare")] HttpRequest request,
        string project,
        string name) =>
        api.CompareAsync(request, project, name);

    [Function("GetModelVersion")]
    public Task<IResult> GetVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/models/{name}/versions/{version}")] HttpRequest request,
        string project,
        string name,
        string version) =>
        api.GetVersionAsync(request, project, name, version);

    [Function("GetModelCard")]
    public Task<IResult> GetCardAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/models/{name}/versions/{version}/card")] HttpRequest request,
        string project,
        string name,
        string version) =>
        api.GetCardAsync(request, project, name, version);

    [Function("SetModelApproval")]
    public Task<IResult> SetApprovalAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{project}/models/{name}/versions/{version}/approval")] HttpRequest request,
        string project,
        string name,
        string version) =>
        api.SetApprovalAsync(request, project, name, version);

    [Function("MoveModelAlias")]
    public Task<IResult> MoveAliasAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "projects/{project}/models/{name}/aliases/{alias}")] HttpRequest request,
        string project,
        string name,
        string alias) =>
        api.MoveAliasAsync(request, project, name, alias);

    [Function("RollbackModelAlias")]
    public Task<IResult> RollbackAliasAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{project}/models/{name}/aliases/{alias}/rollback")] HttpRequest request,
        string project,
        string name,
        string alias) =>
        api.RollbackAliasAsync(request, project, name, alias);

    [Function("GetModelAliasHistory")]
    public Task<IResult> AliasHistoryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/models/{name}/aliases/{alias}/history")] HttpRequest request,
        string project,
        string name,
        string alias) =>
        api.AliasHistoryAsync(request, project, name, alias);
}
