using Microsoft.AspNetCore.Http;

namespace MLOps.Triggers.Http;

/// <summary>
/// What every request passes before routing reaches a handler, in both hosts: authentication (no key or an
/// unknown key is a 401 on every route, before any 404 that would tell an anonymous caller what exists), then the
/// route and query values (<see cref="RequestValues"/>). Roles are checked by each handler (403), since they
/// depend on the action.
/// </summary>
public sealed class RequestGate(RequestGuard guard)
{
    /// <summary>Liveness and readiness probes and the CloudEvents abuse-protection handshake carry no key.</summary>
    public static bool IsPublic(string method, PathString path) =>
        (HttpMethods.IsGet(method) && (path.Equals("/api/health", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/health/ready", StringComparison.OrdinalIgnoreCase)))
        || (HttpMethods.IsOptions(method) && path.Equals("/api/events", StringComparison.OrdinalIgnoreCase));

    /// <summary>The refusal to answer with, or null when the request may go on to its handler.</summary>
    public IResult? Check(HttpRequest request, IEnumerable<KeyValuePair<string, string?>> routeValues)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsPublic(request.Method, request.Path) && !guard.IsAuthenticated(request))
        {
            return Problems.Unauthorized();
        }

        IReadOnlyList<string> problems = RequestValues.Problems(routeValues, request.Query);
        return problems.Count == 0 ? null : Problems.BadRequest($"Some route or query values are not valid: {string.Join("; ", problems)}.", problems);
    }
}
