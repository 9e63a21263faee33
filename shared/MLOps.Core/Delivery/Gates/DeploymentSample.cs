using MLOps.Core.Labels;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Delivery.Gates;

/// <summary>
/// What the gates read of one deployment over a window: its requests and server-side failures among them, the
/// latency of each request it scored, the score of each scored row, and its labelled outcomes.
/// </summary>
public sealed record DeploymentSample(
    string Deployment, long Requests, long Errors, IReadOnlyList<double> LatenciesMs, IReadOnlyList<double> Scores, LabelledOutcomes Outcomes)
{
    /// <summary>
    /// The deployment's entries of the window: answered ones, and, with <paramref name="withMirrors"/>, the mirror
    /// entries of copies it scored (a candidate under blue-green or shadow traffic answers nobody).
    /// </summary>
    public static DeploymentSample Of(
        string deployment, IEnumerable<RequestLogEntry> window, bool withMirrors, IEnumerable<GroundTruthLabel> labels)
    {
        RequestLogEntry[] mine = [.. window.Where(e => string.Equals(e.Deployment, deployment, StringComparison.Ordinal) && (withMirrors || e.MirrorOf is null))];
        RequestLogEntry[] scored = [.. mine.Where(e => e.Status == 200)];
        return new DeploymentSample(
            deployment,
            mine.Length,
            mine.LongCount(IsError),
            [.. scored.Select(e => e.DurationMs)],
            [.. scored.SelectMany(e => e.Outputs ?? []).Where(r => r.Status == RowResult.Scored && r.Score is { } s && float.IsFinite(s)).Select(r => (double)r.Score!.Value)],
            LabelledOutcomes.Of(mine, labels));
    }

    /// <summary>
    /// A failure of the deployment, not of the caller: any 5xx (no ready worker, a worker that failed), and 409 (its
    /// package does not verify or is not available, or the online features are of another feature-set version than
    /// its model). 400, 404 and 413 answer the caller's own input and do not count.
    /// </summary>
    public static bool IsError(RequestLogEntry entry) => entry.Status >= 500 || entry.Status == 409;
}
