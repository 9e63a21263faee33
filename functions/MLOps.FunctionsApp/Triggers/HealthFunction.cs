using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers;

/// <summary>
/// <c>GET /api/health</c>: liveness only, so probes need no key and touch no storage; <c>GET /api/health/ready</c>:
/// readiness, 503 naming the storage services that do not answer.
/// </summary>
public sealed class HealthFunction(HealthHttpApi health)
{
    [Function("Health")]
    public static IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        HealthHttpApi.Live();

    [Function("HealthReady")]
    public Task<IResult> ReadyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health/ready")] HttpRequest request) =>
        health.ReadyAsync(request);
}
