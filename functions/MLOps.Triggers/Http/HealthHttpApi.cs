using Microsoft.AspNetCore.Http;
using MLOps.Core.Storage;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>GET /api/health</c> is liveness (the process answers; no key, no storage), <c>GET /api/health/ready</c> is
/// readiness: 200 when Blob, Table and Queue storage all answer, else 503 with a problem body naming each one that
/// does not. Neither needs a key, so load balancers and orchestrators can probe them.
/// </summary>
public sealed class HealthHttpApi(StorageReadiness readiness)
{
    public static IResult Live() => Results.Ok(new { status = "healthy" });

    public async Task<IResult> ReadyAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<ReadinessCheck> checks = await readiness.CheckAsync(request.HttpContext.RequestAborted);
        ReadinessCheck[] down = [.. checks.Where(c => !c.Reachable)];
        return down.Length == 0
            ? Results.Ok(new { status = "ready", checks })
            : Problems.Unavailable(
                $"Storage unreachable: {string.Join(", ", down.Select(c => c.Service))}.",
                [.. down.Select(c => $"{c.Service}: {c.Problem}")]);
    }
}
