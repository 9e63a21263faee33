using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.Core.FeatureStore;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.RequestLog;

namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// Online scoring: an endpoint's deployment scores raw records (encoded by its package's feature contract) or entity
/// keys (their features from the online store, which must be of the feature-set version the package was trained
/// on), on a ready ONNX worker. A request is judged row by row first; when any row is refused nothing is scored and
/// every row's status is answered. Every request that reaches an existing endpoint is logged (at the configured
/// sample rate) before it is answered: a request the log cannot take is answered 503, never unlogged.
/// </summary>
public sealed class ScoringService(
    IEndpointStore endpoints,
    OnlineFeatureStore online,
    IPackageScoring scoring,
    IRequestLog requestLog,
    ServingMetrics metrics,
    TimeProvider clock,
    IOptions<ServingOptions> options,
    ILogger<ScoringService> logger)
{
    public const string UnknownKey = "UnknownKey";
    public const string OtherFeatureSet = "OtherFeatureSetVersion";

    /// <summary>Scores <paramref name="body"/> (null: it was over the body limit of <paramref name="bodyLimit"/> bytes) on the endpoint.</summary>
    public async Task<ScoreOutcome> ScoreAsync(
        string project, string endpointName, string? body, long bodyLimit, string principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var watch = Stopwatch.StartNew();
        var request = new Context(Guid.NewGuid().ToString("N"), clock.GetUtcNow(), project, endpointName, principal);
        ServingEndpoint? endpoint = await endpoints.GetAsync(project, endpointName, cancellationToken);
        if (endpoint is null)
        {
            // Not logged: there is no endpoint to log under, and a name anyone may send must not create log folders.
            return Refused(request, 404, $"Project '{project}' has no endpoint '{endpointName}'.");
        }

        ScoreOutcome outcome = await this.AnswerAsync(request, endpoint, body, bodyLimit, cancellationToken);
        outcome = await this.LogAsync(request, outcome, watch.Elapsed, cancellationToken);
        metrics.Answered(project, endpointName, outcome.Status, watch.Elapsed.TotalMilliseconds);
        return outcome;
    }

    private async Task<ScoreOutcome> AnswerAsync(Context request, ServingEndpoint endpoint, string? body, long bodyLimit, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Refused(request, 413, $"The body is larger than {bodyLimit} bytes (HttpApi:MaxBodyBytes); send at most {options.Value.MaxRows} rows per request, or score a file with the batch-scoring pipeline.");
        }

        ScoreRequest? input = ScoreRequestReader.Read(body, options.Value.MaxRows, out IReadOnlyList<string> problems);
        if (input is null)
        {
            return Refused(request, 400, "The score request is not valid.", problems);
        }

        request.Input = input;
        if (endpoint.Route() is not { } deployment)
        {
            return Refused(request, 409, $"Endpoint '{endpoint.Name}' has no deployment; PUT one naming a package first.");
        }

        request.Deployment = deployment;
        ScoringPackage? package;
        try
        {
            package = await scoring.OpenAsync(deployment.Package, cancellationToken);
        }
        catch (PackageRefusedException e)
        {
            logger.LogError("Package {Package} of {Project}/{Endpoint} does not verify: {Problem}", deployment.Package, endpoint.Project, endpoint.Name, e.Message);
            return Refused(request, 409, $"Package {deployment.Package} of deployment '{deployment.Id}' does not verify, so it is not used: {e.Message}");
        }

        if (package is null)
        {
            return Refused(request, 409, $"Package {deployment.Package} of deployment '{deployment.Id}' is not available (not built, or removed); deploy a built package.");
        }

        PendingRows pending = input.Kind == ScoreInputKind.Rows
            ? PendingRows.Encode(package, input.Rows)
            : await this.LookUpAsync(package, endpoint.Project, input.Keys, cancellationToken);
        if (pending.AnyRefused)
        {
            RowResult[] judged = pending.Results;
            int status = judged.Any(r => r.Status == 400) ? 400 : judged.Any(r => r.Status == 409) ? 409 : 404;
            int refused = judged.Count(r => r.Status != RowResult.Scored);
            return new ScoreOutcome
            {
                RequestId = request.Id,
                Status = status,
                Detail = $"{refused} of {judged.Length} rows cannot be scored, so none was; each row's status and problems are listed.",
                Errors = [.. RowErrors(input, judged)],
                Rows = judged,
            };
        }

        RowResult[] results;
        try
        {
            ModelScores scores = await scoring.InferAsync(package, deployment.ServingName(endpoint.Project, endpoint.Name), pending.Rows, cancellationToken);
            results = pending.Apply(package, scores);
        }
        catch (NoReadyWorkerException e)
        {
            return Refused(request, 503, $"No ONNX worker is ready to score: {e.Message} Try again shortly.") with { RetryAfterSeconds = options.Value.RetryAfterSeconds };
        }
        catch (WorkerFailedException e)
        {
            logger.LogError(e, "A worker failed request {RequestId} on {Endpoint}.", request.Id, endpoint.Name);
            return Refused(request, 502, $"The ONNX worker could not score the request: {e.Message}");
        }

        metrics.RowsScored(endpoint.Project, endpoint.Name, pending.Scored.Length, "online");
        return new ScoreOutcome
        {
            RequestId = request.Id,
            Status = 200,
            Answer = new ScoreAnswer(request.Id, endpoint.Name, deployment.Id, package.Digest, package.Model, package.Version, results),
        };
    }

    /// <summary>Each key's online vector, in the model's input order; it must be of the package's feature-set version.</summary>
    private async Task<PendingRows> LookUpAsync(
        ScoringPackage package, string project, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, OnlineFeatureVector> found = await online.GetManyAsync(project, keys, cancellationToken);
        var results = new RowResult[keys.Count];
        var rows = new List<float>(keys.Count * package.Width);
        var scored = new List<int>(keys.Count);
        for (int i = 0; i < keys.Count; i++)
        {
            string key = keys[i];
            if (!found.TryGetValue(key, out OnlineFeatureVector? vector))
            {
                results[i] = Refused(key, 404, UnknownKey, package.EntityKey, $"'{key}' has no features in the online store of '{project}'.");
                continue;
            }

            if (!string.Equals(vector.FeatureSetSha256, package.FeatureSetSha256, StringComparison.Ordinal))
            {
                results[i] = Refused(key, 409, OtherFeatureSet, package.EntityKey, string.Create(CultureInfo.InvariantCulture,
                    $"The online features of '{key}' are of feature-set version {vector.Version}; the model was trained on version {package.FeatureSetVersion}, whose features are encoded differently. Score raw rows, or deploy a model of version {vector.Version}."));
                continue;
            }

            string? absent = package.FeatureNames.FirstOrDefault(f => !vector.Values.ContainsKey(f));
            if (absent is not null)
            {
                results[i] = Refused(key, 409, OtherFeatureSet, package.EntityKey, $"The online features of '{key}' lack the model's feature '{absent}'.");
                continue;
            }

            foreach (string feature in package.FeatureNames)
            {
                // Training reads feature sets as single precision; NaN stays the missing value.
                rows.Add((float)vector.Values[feature]);
            }

            results[i] = new RowResult { Key = key };
            scored.Add(i);
        }

        return new PendingRows(results, [.. rows], [.. scored]);
    }

    private static RowResult Refused(string key, int status, string kind, string column, string detail) =>
        new() { Key = key, Status = status, Problems = [new RowIssue(column, kind, detail)] };

    private static IEnumerable<string> RowErrors(ScoreRequest input, RowResult[] rows)
    {
        string member = input.Kind == ScoreInputKind.Rows ? ScoreRequestReader.RowsMember : ScoreRequestReader.KeysMember;
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i].Status == RowResult.Scored)
            {
                continue;
            }

            foreach (RowIssue issue in rows[i].Problems ?? [])
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"$.{member}[{i}].{issue.Column}: {issue.Detail}");
            }
        }
    }

    private async Task<ScoreOutcome> LogAsync(Context request, ScoreOutcome outcome, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        if (!RequestSampling.Keeps(request.Id, options.Value.RequestLogSampleRate))
        {
            return outcome;
        }

        var entry = new RequestLogEntry
        {
            RequestId = request.Id,
            Time = request.Time,
            Project = request.Project,
            Endpoint = request.Endpoint,
            Deployment = request.Deployment?.Id,
            Package = request.Deployment?.Package,
            Model = request.Deployment?.Model,
            ModelVersion = request.Deployment?.ModelVersion,
            Principal = request.Principal,
            Status = outcome.Status,
            DurationMs = elapsed.TotalMilliseconds,
            InputKind = request.Input?.Kind,
            Inputs = request.Input?.Inputs,
            Outputs = outcome.Answer?.Results ?? outcome.Rows,
            Errors = outcome.Errors.Count > 0 ? outcome.Errors : outcome.Status == 200 ? null : [outcome.Detail ?? string.Empty],
        };
        try
        {
            await requestLog.AppendAsync(entry, cancellationToken);
            return outcome;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Request {RequestId} on {Project}/{Endpoint} could not be logged; it is answered 503.", request.Id, request.Project, request.Endpoint);
            return Refused(request, 503, "The request log could not be written, and no request is answered unlogged. Try again shortly.") with
            {
                RetryAfterSeconds = options.Value.RetryAfterSeconds,
            };
        }
    }

    private static ScoreOutcome Refused(Context request, int status, string detail, IReadOnlyList<string>? errors = null) => new()
    {
        RequestId = request.Id,
        Status = status,
        Detail = detail,
        Errors = errors ?? [],
    };

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
    }
}
