using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary><c>POST /api/pipelines/cd/{id}/approvals</c>: an approver's decision on a waiting continuous-deployment run.</summary>
public sealed class DeploymentFunctions(DeploymentHttpApi api)
{
    [Function("DecideDeploymentApproval")]
    public Task<IResult> DecideAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pipelines/cd/{id}/approvals")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        api.DecideAsync(request, id, client);
}
