using System.Text.Json.Nodes;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Serving.RequestLog;

/// <summary>
/// One score request and its answer, as the request log keeps it (one JSON line): which endpoint, deployment,
/// package and model version answered, who asked, when (UTC) and how long it took, the inputs exactly as sent and
/// each row's result as answered. <see cref="RequestId"/> is its identity: a reader keeps one entry per id.
/// </summary>
public sealed record RequestLogEntry
{
    public required string RequestId { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Project { get; init; }

    public required string Endpoint { get; init; }

    /// <summary>The deployment that answered, or, on a mirror entry, the deployment that scored the copy.</summary>
    public string? Deployment { get; init; }

    /// <summary>On an answered entry: the deployment that scored a mirrored copy of this request, if any.</summary>
    public string? Mirror { get; init; }

    /// <summary>On a mirror entry (never answered): the request id of the answered request it copies.</summary>
    public string? MirrorOf { get; init; }

    public string? Package { get; init; }

    public string? Model { get; init; }

    public int? ModelVersion { get; init; }

    public required string Principal { get; init; }

    /// <summary>The HTTP status answered.</summary>
    public required int Status { get; init; }

    public double DurationMs { get; init; }

    public ScoreInputKind? InputKind { get; init; }

    /// <summary>The <c>rows</c> or <c>keys</c> array as sent; absent when the body could not be read.</summary>
    public JsonArray? Inputs { get; init; }

    /// <summary>Each row's result, in input order; absent when the request was refused as a whole.</summary>
    public IReadOnlyList<RowResult>? Outputs { get; init; }

    /// <summary>Why the request was refused as a whole (a malformed body, no ready worker, …).</summary>
    public IReadOnlyList<string>? Errors { get; init; }
}
