using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary><c>GET /api/pipelines</c> and <c>POST /api/pipelines/{pipeline}</c>.</summary>
public sealed class PipelineFunctions(PipelineHttpApi api)
{
    [Function("ListPipelines")]
    public IResult List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pipelines")] HttpRequest request) =>
        api.ListPipelines(request);

    [Function("StartPipeline")]
    public Task<IResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pipelines/{pipeline}")] HttpRequest request,
        string pipeline,
        [DurableClient] DurableTaskClient client) =>
        api.StartAsync(request, pipeline, client);
}
