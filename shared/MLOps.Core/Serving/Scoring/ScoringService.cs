using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.Core.Naming;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.RequestLog;

namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// Online scoring. The endpoint's routing table is read from the store for every request, so a change applies from
/// the next request on every node. The request is routed by its routing key (<see cref="TrafficRouter"/>: the client's
/// <c>x-routing-key</c>, else the first entity key of a key request, else the request id) to the deployment that
/// answers it, and scored there (<see cref="DeploymentScoring"/>). Every request that reaches an existing endpoint is
/// logged (at the configured sample rate) before it is answered: a request the log cannot take is answered 503,
/// never unlogged. A logged request the table mirrors is copied to the mirror deployment in the background
/// (<see cref="RequestMirror"/>) after its answer is computed, and its entry names that deployment.
/// </summary>
public sealed class ScoringService(
    IEndpointStore endpoints,
    DeploymentScoring deployments,
    RequestMirror mirror,
    IRequestLog requestLog,
    ServingMetrics metrics,
    TimeProvider clock,
    IOptions<ServingOptions> options,
    ILogger<ScoringService> logger)
{
    public const string RoutingKeyField = "x-routing-key";

    /// <summary>
    /// Scores <paramref name="body"/> (null: it was over the body limit of <paramref name="bodyLimit"/> bytes) on the
    /// endpoint; <paramref name="routingKey"/> (optional) keeps a client's requests on one deployment.
    /// </summary>
    public async Task<ScoreOutcome> ScoreAsync(
        string project, string endpointName, string? body, long bodyLimit, string principal, string? routingKey = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var watch = Stopwatch.StartNew();
        var request = new Context(Guid.NewGuid().ToString("N"), clock.GetUtcNow(), project, endpointName, principal);
        ServingEndpoint? endpoint = await endpoints.GetAsync(project, endpointName, cancellationToken);
        if (endpoint is null)
        {
            // Not logged: there is no endpoint to log under, and a name anyone may send must not create log folders.
            return ScoreOutcome.Refused(request.Id, 404, $"Project '{project}' has no endpoint '{endpointName}'.");
        }

        ScoreOutcome outcome = await this.AnswerAsync(request, endpoint, body, bodyLimit, routingKey, cancellationToken);
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            outcome = await this.LogAsync(request, endpoint, outcome, watch.Elapsed, answered, cancellationToken);
        }
        finally
        {
            answered.TrySetResult(false);
        }

        metrics.Answered(project, endpointName, outcome.Status, watch.Elapsed.TotalMilliseconds);
        return outcome;
    }

    private async Task<ScoreOutcome> AnswerAsync(
        Context request, ServingEndpoint endpoint, string? body, long bodyLimit, string? routingKey, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return ScoreOutcome.Refused(request.Id, 413, $"The body is larger than {bodyLimit} bytes (HttpApi:MaxBodyBytes); send at most {options.Value.MaxRows} rows per request, or score a file with the batch-scoring pipeline.");
        }

        ScoreRequest? input = ScoreRequestReader.Read(body, options.Value.MaxRows, out IReadOnlyList<string> problems);
        if (routingKey is not null && NameRules.Key.Problem(RoutingKeyField, routingKey) is { } badKey)
        {
            problems = [.. problems, badKey];
            input = null;
        }

        if (input is null)
        {
            return ScoreOutcome.Refused(request.Id, 400, "The score request is not valid.", problems);
        }

        request.Input = input;
        string key = routingKey ?? (input.Kind == ScoreInputKind.Keys ? input.Keys[0] : request.Id);
        if (TrafficRouter.Route(endpoint.Deployments, key) is not { } route)
        {
            return ScoreOutcome.Refused(request.Id, 409, $"Endpoint '{endpoint.Name}' has no deployment that answers; PUT one naming a package first.");
        }

        request.Deployment = route.Answer;
        request.Mirror = route.Mirror;
        return await deployments.ScoreAsync(request.Id, endpoint, route.Answer, input, cancellationToken);
    }

    private async Task<ScoreOutcome> LogAsync(
        Context request, ServingEndpoint endpoint, ScoreOutcome outcome, TimeSpan elapsed, TaskCompletionSource<bool> answered, CancellationToken cancellationToken)
    {
        if (!RequestSampling.Keeps(request.Id, options.Value.RequestLogSampleRate))
        {
            // A mirrored copy is only there to be compared in the log: an unlogged request is not mirrored.
            return outcome;
        }

        bool mirrored = request is { Mirror: { } to, Input: { } input }
            && mirror.TryQueue(new MirrorCopy(request.Id, request.Time, endpoint, to, input, request.Principal, answered.Task));
        RequestLogEntry entry = ScoreLog.Entry(
            request.Id, request.Time, request.Project, request.Endpoint, request.Deployment, request.Principal, request.Input, outcome, elapsed) with
        {
            Mirror = mirrored ? request.Mirror!.Id : null,
        };
        try
        {
            await requestLog.AppendAsync(entry, cancellationToken);
            answered.TrySetResult(true);
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Request {RequestId} on {Project}/{Endpoint} could not be logged; it is answered 503.", request.Id, request.Project, request.Endpoint);
            return ScoreOutcome.Refused(request.Id, 503, "The request log could not be written, and no request is answered unlogged. Try again shortly.") with
            {
                RetryAfterSeconds = options.Value.RetryAfterSeconds,
            };
        }
    }

    /// <summary>What is known of the request so far, for its log entry.</summary>
    private sealed class Context(string id, DateTimeOffset time, string project, string endpoint, string principal)
    {
        public string Id { get; } = id;

        public DateTimeOffset Time { get; } = time;

        public string Project { get; } = project;

        public string Endpoint { get; } = endpoint;

        public string Principal { get; } = principal;

        public ScoreRequest? Input { get; set; }

        public Deployment? Deployment { get; set; }

        public Deployment? Mirror { get; set; }
    }
}
