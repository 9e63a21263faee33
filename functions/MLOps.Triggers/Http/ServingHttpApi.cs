using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MLOps.Core.Security;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Triggers.Http;

/// <summary>
/// Serving: <c>PUT|GET /api/projects/{project}/endpoints/{endpoint}</c> (point an endpoint at a package; read it),
/// <c>GET /api/projects/{project}/endpoints</c> and <c>POST /api/projects/{project}/endpoints/{endpoint}/score</c>.
/// Every score answer carries its request id (<c>x-request-id</c>), under which the request log keeps it.
/// </summary>
public sealed class ServingHttpApi(
    EndpointDeployer deployer,
    IEndpointStore endpoints,
    ScoringService scoring,
    RequestGuard guard,
    IOptions<HttpApiOptions> options)
{
    public const string RequestIdHeader = "x-request-id";

    public async Task<IResult> PutEndpointAsync(HttpRequest request, string project, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.ManageEndpoints, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        (EndpointBody? body, IResult? problem) = await JsonBody.ReadAsync<EndpointBody>(request, options.Value.MaxBodyBytes);
        if (body is null)
        {
            return problem!;
        }

        DeployOutcome outcome = await deployer.DeployAsync(project, endpoint, body.Package, body.ExpectedRevision, caller.Principal, request.HttpContext.RequestAborted);
        if (outcome.Endpoint is not { } saved)
        {
            return Problems.Status(outcome.Status, outcome.Detail ?? "The endpoint was not changed.");
        }

        var answer = new { endpoint = saved, loadedOn = outcome.LoadedOn.Select(u => u.ToString()) };
        return outcome.Status == StatusCodes.Status201Created
            ? Results.Json(answer, RequestLogJson.Options, statusCode: StatusCodes.Status201Created)
            : Results.Json(answer, RequestLogJson.Options);
    }

    public async Task<IResult> GetEndpointAsync(HttpRequest request, string project, string endpoint)
    {
        if (!guard.TryAuthorize(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        ServingEndpoint? found = await endpoints.GetAsync(project, endpoint, request.HttpContext.RequestAborted);
        return found is null
            ? Problems.NotFound($"Project '{project}' has no endpoint '{endpoint}'.")
            : Results.Json(found, RequestLogJson.Options);
    }

    public async Task<IResult> ListEndpointsAsync(HttpRequest request, string project)
    {
        if (!guard.TryAuthorize(request, Permission.ReadProjects, out _, out IResult? denied))
        {
            return denied;
        }

        return Results.Json(await endpoints.ListAsync(project, request.HttpContext.RequestAborted), RequestLogJson.Options);
    }

    public async Task<IResult> ScoreAsync(HttpRequest request, string project, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.Score, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        long limit = options.Value.MaxBodyBytes;
        string? body = await BodyReader.ReadAsync(request, limit, request.HttpContext.RequestAborted);
        ScoreOutcome outcome = await scoring.ScoreAsync(project, endpoint, body, limit, caller.Principal, request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers[RequestIdHeader] = outcome.RequestId;
        if (outcome.Answer is { } answer)
        {
            return Results.Json(answer, RequestLogJson.Options);
        }

        var extensions = new Dictionary<string, object?> { ["requestId"] = outcome.RequestId };
        if (outcome.Rows is { } rows)
        {
            extensions["rows"] = rows.Select((r, i) => new { index = i, status = r.Status, key = r.Key, problems = r.Problems });
        }

        IResult refused = Problems.Status(outcome.Status, outcome.Detail ?? "The request was not scored.", outcome.Errors, extensions);
        return outcome.RetryAfterSeconds is { } seconds ? Problems.RetryAfter(refused, seconds) : refused;
    }
}
