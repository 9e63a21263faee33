using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MLOps.Core.Security;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Triggers.Http;

/// <summary>
/// Serving: <c>PUT|GET /api/projects/{project}/endpoints/{endpoint}</c> (point an endpoint at a package; read it, its
/// revision also as the <c>ETag</c>), <c>PUT …/endpoints/{endpoint}/traffic</c> (an operator sets the routing table),
/// <c>GET /api/projects/{project}/endpoints</c> and <c>POST /api/projects/{project}/endpoints/{endpoint}/score</c>.
/// Every score answer carries its request id (<c>x-request-id</c>), under which the request log keeps it; a client's
/// <c>x-routing-key</c> keeps its requests on one deployment.
/// </summary>
public sealed class ServingHttpApi(
    EndpointDeployer deployer,
    EndpointTrafficService traffic,
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

        SetRevision(request, saved);
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
        if (found is null)
        {
            return Problems.NotFound($"Project '{project}' has no endpoint '{endpoint}'.");
        }

        SetRevision(request, found);
        return Results.Json(found, RequestLogJson.Options);
    }

    /// <summary>The operator's override: the whole routing table, conditional on the revision (body or <c>If-Match</c>), audited with its reason.</summary>
    public async Task<IResult> PutTrafficAsync(HttpRequest request, string project, string endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.ManageTraffic, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        (TrafficBody? body, IResult? problem) = await JsonBody.ReadAsync<TrafficBody>(request, options.Value.MaxBodyBytes);
        if (body is null)
        {
            return problem!;
        }

        if (ExpectedRevision(request, body, out int expected) is { } conditional)
        {
            return Problems.BadRequest("The change must be conditional on the revision it was based on.", [conditional]);
        }

        TrafficOutcome change;
        try
        {
            change = await traffic.ChangeAsync(project, endpoint, body.Table(), caller.Principal, body.Reason, expected, request.HttpContext.RequestAborted);
        }
        catch (ArgumentException e)
        {
            return Problems.BadRequest("The routing table was not applied.", [e.Message]);
        }
        catch (KeyNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
        catch (Exception e) when (e is PackageRefusedException or EndpointConflictException)
        {
            return Problems.Conflict(e.Message);
        }

        SetRevision(request, change.Endpoint);
        var answer = new { endpoint = change.Endpoint, changed = change.Changed, loadedOn = change.LoadedOn.Select(u => u.ToString()) };
        return Results.Json(answer, RequestLogJson.Options, statusCode: change.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
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
        string? routingKey = request.Headers.TryGetValue(ScoringService.RoutingKeyField, out Microsoft.Extensions.Primitives.StringValues key) ? key.ToString() : null;
        ScoreOutcome outcome = await scoring.ScoreAsync(project, endpoint, body, limit, caller.Principal, routingKey, request.HttpContext.RequestAborted);
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

    /// <summary>
    /// The revision the change is based on: <c>expectedRevision</c> in the body or the <c>If-Match</c> header (a
    /// revision number, quoted or not, as the <c>ETag</c> of a read gives it); one is required, and both must agree.
    /// </summary>
    private static string? ExpectedRevision(HttpRequest request, TrafficBody body, out int expected)
    {
        expected = body.ExpectedRevision ?? -1;
        string? header = request.Headers.IfMatch.Count > 0 ? request.Headers.IfMatch.ToString() : null;
        if (header is not null)
        {
            if (!int.TryParse(header.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out int matched))
            {
                return "If-Match: must be the endpoint's revision (its ETag), such as \"3\"";
            }

            if (body.ExpectedRevision is { } stated && stated != matched)
            {
                return string.Create(CultureInfo.InvariantCulture, $"If-Match: names revision {matched}, but expectedRevision is {stated}");
            }

            expected = matched;
        }

        return expected < 0 ? "expectedRevision: is required (or the If-Match header): 0 when the endpoint does not exist yet, else the revision read" : null;
    }

    private static void SetRevision(HttpRequest request, ServingEndpoint endpoint) =>
        request.HttpContext.Response.Headers.ETag = string.Create(CultureInfo.InvariantCulture, $"\"{endpoint.Revision}\"");
}
