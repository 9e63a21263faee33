using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.RequestLog;

namespace MLOps.Core.Serving.Scoring;

/// <summary>The request-log entry of a scored (or refused) request: the answered one and a mirrored copy are written alike.</summary>
internal static class ScoreLog
{
    public static RequestLogEntry Entry(
        string requestId, DateTimeOffset time, string project, string endpoint, Deployment? deployment, string principal,
        ScoreRequest? input, ScoreOutcome outcome, TimeSpan elapsed) => new()
        {
            RequestId = requestId,
            Time = time,
            Project = project,
            Endpoint = endpoint,
            Deployment = deployment?.Id,
            Package = deployment?.Package,
            Model = deployment?.Model,
            ModelVersion = deployment?.ModelVersion,
            Principal = principal,
            Status = outcome.Status,
            DurationMs = elapsed.TotalMilliseconds,
            InputKind = input?.Kind,
            Inputs = input?.Inputs,
            Outputs = outcome.Answer?.Results ?? outcome.Rows,
            Errors = outcome.Errors.Count > 0 ? outcome.Errors : outcome.Status == 200 ? null : [outcome.Detail ?? string.Empty],
        };
}
