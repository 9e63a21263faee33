using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary>Project spec submission and the registered gates, design document and versions.</summary>
public sealed class ProjectFunctions(ProjectHttpApi api)
{
    [Function("SubmitProjectSpec")]
    public Task<IResult> SubmitSpecAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{project}/spec")] HttpRequest request,
        string project,
        [DurableClient] DurableTaskClient client) =>
        api.SubmitSpecAsync(request, project, client);

    [Function("GetProject")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}")] HttpRequest request,
        string project) =>
        api.GetAsync(request, project);

    [Function("ListProjectVersions")]
    public Task<IResult> ListVersionsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/versions")] HttpRequest request,
        string project) =>
        api.ListVersionsAsync(request, project);

    [Function("GetProjectDesign")]
    public Task<IResult> GetDesignDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/design")] HttpRequest request,
        string project) =>
        api.GetDesignDocumentAsync(request, project);
}
