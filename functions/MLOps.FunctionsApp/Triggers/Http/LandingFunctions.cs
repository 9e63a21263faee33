using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary>Landing data over HTTP (streamed, size-limited upload) and the project's landed files.</summary>
public sealed class LandingFunctions(LandingHttpApi api)
{
    [Function("UploadLandingFile")]
    public Task<IResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "projects/{project}/landing/{fileName}")] HttpRequest request,
        string project,
        string fileName,
        [DurableClient] DurableTaskClient client) =>
        api.UploadAsync(request, project, fileName, client);

    [Function("ListLandingFiles")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/landing")] HttpRequest request,
        string project) =>
        api.ListAsync(request, project);
}
