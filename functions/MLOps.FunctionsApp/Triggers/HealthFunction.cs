using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace MLOps.FunctionsApp.Triggers;

/// <summary><c>GET /api/health</c>: liveness only, so probes need no key and touch no storage.</summary>
public static class HealthFunction
{
    [Function("Health")]
    public static IResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        Results.Ok(new { status = "healthy" });
}
