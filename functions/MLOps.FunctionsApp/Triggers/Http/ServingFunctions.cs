using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary>Serving endpoints and online scoring.</summary>
public sealed class ServingFunctions(ServingHttpApi api)
{
    [Function("ListEndpoints")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/endpoints")] HttpRequest request,
        string project) =>
        api.ListEndpointsAsync(request, project);

    [Function("GetEndpoint")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{project}/endpoints/{endpoint}")] HttpRequest request,
        string project,
        string endpoint) =>
        api.GetEndpointAsync(request, project, endpoint);

    [Function("PutEndpoint")]
    public Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "projects/{project}/endpoints/{endpoint}")] HttpRequest request,
        string project,
        string endpoint) =>
        api.PutEndpointAsync(request, project, endpoint);

    [Function("PutEndpointTraffic")]
    public Task<IResult> PutTrafficAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "projects/{project}/endpoints/{endpoint}/traffic")] HttpRequest request,
        string project,
        string endpoint) =>
        api.PutTrafficAsync(request, project, endpoint);

    [Function("Score")]
    public Task<IResult> ScoreAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{project}/endpoints/{endpoint}/score")] HttpRequest request,
        string project,
        string endpoint) =>
        api.ScoreAsync(request, project, endpoint);
}
