using Microsoft.AspNetCore.Http;

namespace MLOps.Triggers.Http;

/// <summary>RFC 9457 problem responses (application/problem+json), the only error shape the API returns.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail, IReadOnlyList<string>? errors = null, IDictionary<string, object?>? extensions = null) =>
        Create(StatusCodes.Status400BadRequest, "Bad request", detail, errors, extensions);

    public static IResult Unauthorized() => Create(
        StatusCodes.Status401Unauthorized, "Unauthorized", "Send a valid API key in the 'x-api-key' header.");

    public static IResult Forbidden(string principal, string action) => Create(
        StatusCodes.Status403Forbidden, "Forbidden", $"'{principal}' has no role that may {action}.");

    /// <summary>A 403 for a refusal the caller's role does not explain, e.g. a missing approval; the detail names what is missing.</summary>
    public static IResult Refused(string detail, IReadOnlyList<string>? errors = null) =>
        Create(StatusCodes.Status403Forbidden, "Forbidden", detail, errors);

    public static IResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult NotAcceptable(string detail) => Create(StatusCodes.Status406NotAcceptable, "Not acceptable", detail);

    public static IResult Conflict(string detail) => Create(StatusCodes.Status409Conflict, "Conflict", detail);

    /// <summary>A 409 for a start refused because a run in flight holds what it would change; <c>instanceId</c> names that run.</summary>
    public static IResult Busy(string pipeline, Launching.RunLockHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return Create(StatusCodes.Status409Conflict, "Conflict", BusyDetail(pipeline, holder), null,
            new Dictionary<string, object?> { ["instanceId"] = holder.InstanceId, ["resource"] = holder.Resource });
    }

    public static string BusyDetail(string pipeline, Launching.RunLockHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return $"'{holder.Resource}' is being changed by the {pipeline} run '{holder.InstanceId}', which is still in flight: one run at a time; wait for it to finish (GET /api/instances/{holder.InstanceId}) and start again.";
    }

    public static IResult TooLarge(long limit) => Create(
        StatusCodes.Status413PayloadTooLarge, "Payload too large",
        $"The body is larger than {limit} bytes; pass large data by reference (a blob name).");

    /// <summary>A 413 for an uploaded file: the limit is <c>DataEngineering:MaxFileBytes</c>, not the body limit of the JSON routes.</summary>
    public static IResult FileTooLarge(long limit) => Create(
        StatusCodes.Status413PayloadTooLarge, "Payload too large",
        $"The file is larger than {limit} bytes (DataEngineering:MaxFileBytes); nothing was stored.");

    /// <summary>A 503 for a dependency that does not answer; <paramref name="errors"/> name each one and why.</summary>
    public static IResult Unavailable(string detail, IReadOnlyList<string> errors) =>
        Create(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail, errors);

    /// <summary>A problem with the given status, titled as the status is named; the serving routes answer row-level refusals this way.</summary>
    public static IResult Status(int status, string detail, IReadOnlyList<string>? errors = null, IDictionary<string, object?>? extensions = null) =>
        Create(status, Title(status), detail, errors, extensions);

    /// <summary>The response with a <c>Retry-After</c> header, for a 503 that will pass.</summary>
    public static IResult RetryAfter(IResult response, int seconds) => new RetryAfterResult(response, seconds);

    private static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "Payload too large",
        StatusCodes.Status502BadGateway => "Bad gateway",
        StatusCodes.Status503ServiceUnavailable => "Service unavailable",
        _ => "Error",
    };

    private static IResult Create(
        int status, string title, string detail, IReadOnlyList<string>? errors = null, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>());
        if (errors is { Count: > 0 })
        {
            all["errors"] = errors;
        }

        return Results.Problem(detail: detail, statusCode: status, title: title, extensions: all.Count > 0 ? all : null);
    }
}
