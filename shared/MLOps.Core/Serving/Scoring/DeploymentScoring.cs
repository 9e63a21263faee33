using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.Core.FeatureStore;
using MLOps.Core.Serving.Endpoints;

namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// Scores one read request on one deployment: its package opened (verified), raw records encoded by the package's
/// feature contract or keys looked up in the online store (which must hold the feature-set version the package was
/// trained on), every row judged first — when any row is refused nothing is scored and every row's status is
/// answered — then the rows run on a ready ONNX worker. The answered request and a mirrored copy score the same way.
/// </summary>
public sealed class DeploymentScoring(
    OnlineFeatureStore online,
    IPackageScoring scoring,
    ServingMetrics metrics,
    IOptions<ServingOptions> options,
    ILogger<DeploymentScoring> logger)
{
    public const string UnknownKey = "UnknownKey";
    public const string OtherFeatureSet = "OtherFeatureSetVersion";

    public async Task<ScoreOutcome> ScoreAsync(
        string requestId, ServingEndpoint endpoint, Deployment deployment, ScoreRequest input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(input);
        ScoringPackage? package;
        try
        {
            package = await scoring.OpenAsync(deployment.Package, cancellationToken);
        }
        catch (PackageRefusedException e)
        {
            logger.LogError("Package {Package} of {Project}/{Endpoint} does not verify: {Problem}", deployment.Package, endpoint.Project, endpoint.Name, e.Message);
            return ScoreOutcome.Refused(requestId, 409, $"Package {deployment.Package} of deployment '{deployment.Id}' does not verify, so it is not used: {e.Message}");
        }

        if (package is null)
        {
            return ScoreOutcome.Refused(requestId, 409, $"Package {deployment.Package} of deployment '{deployment.Id}' is not available (not built, or removed); deploy a built package.");
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
                RequestId = requestId,
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
            return ScoreOutcome.Refused(requestId, 503, $"No ONNX worker is ready to score: {e.Message} Try again shortly.") with { RetryAfterSeconds = options.Value.RetryAfterSeconds };
        }
        catch (WorkerFailedException e)
        {
            logger.LogError(e, "A worker failed request {RequestId} on {Endpoint}.", requestId, endpoint.Name);
            return ScoreOutcome.Refused(requestId, 502, $"The ONNX worker could not score the request: {e.Message}");
        }

        metrics.RowsScored(endpoint.Project, endpoint.Name, pending.Scored.Length, "online");
        return new ScoreOutcome
        {
            RequestId = requestId,
            Status = 200,
            Answer = new ScoreAnswer(requestId, endpoint.Name, deployment.Id, package.Digest, package.Model, package.Version, results),
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
}
