using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary>
/// The instance management routes: <c>GET /api/instances[/{id}]</c>, <c>POST /api/instances/{id}/raiseEvent/{eventName}</c>,
/// <c>POST /api/instances/{id}/terminate</c> and <c>DELETE /api/instances/{id}</c>.
/// </summary>
public sealed class InstanceFunctions(PipelineHttpApi api)
{
    [Function("ListInstances")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "instances")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        api.ListAsync(request, client);

    [Function("GetInstance")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "instances/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        api.GetStatusAsync(request, id, client);

    [Function("RaiseInstanceEvent")]
    public Task<IResult> RaiseEventAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "instances/{id}/raiseEvent/{eventName}")] HttpRequest request,
        string id,
        string eventName,
        [DurableClient] DurableTaskClient client) =>
        api.RaiseEventAsync(request, id, eventName, client);

    [Function("TerminateInstance")]
    public Task<IResult> TerminateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "instances/{id}/terminate")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        api.TerminateAsync(request, id, client);

    [Function("PurgeInstance")]
    public Task<IResult> PurgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "instances/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        api.PurgeAsync(request, id, client);
}
