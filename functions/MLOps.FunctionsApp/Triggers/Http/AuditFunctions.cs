using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using MLOps.Triggers.Http;

namespace MLOps.FunctionsApp.Triggers.Http;

/// <summary><c>GET /api/audit</c> and <c>GET /api/audit/verify</c>.</summary>
public sealed class AuditFunctions(AuditHttpApi api)
{
    [Function("ListAudit")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit")] HttpRequest request) =>
        api.ListAsync(request);

    [Function("VerifyAudit")]
    public Task<IResult> VerifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "audit/verify")] HttpRequest request) =>
        api.VerifyAsync(request);
}
