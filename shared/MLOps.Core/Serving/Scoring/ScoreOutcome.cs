namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// How a score request ended: <see cref="Status"/> 200 with the <see cref="Answer"/>; 400/404/409 refused, as a
/// whole (<see cref="Errors"/>) or row by row (<see cref="Rows"/>: each row's own status and problems; nothing is
/// scored when any row is refused); 413 for a body over the limit; 502/503 when the workers could not answer
/// (<see cref="RetryAfterSeconds"/> for 503).
/// </summary>
public sealed record ScoreOutcome
{
    public required string RequestId { get; init; }

    public required int Status { get; init; }

    public string? Detail { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];

    public ScoreAnswer? Answer { get; init; }

    /// <summary>Every row's result, when the request was judged row by row.</summary>
    public IReadOnlyList<RowResult>? Rows { get; init; }

    public int? RetryAfterSeconds { get; init; }

    /// <summary>A request refused as a whole, with its reason and any problems named by path.</summary>
    public static ScoreOutcome Refused(string requestId, int status, string detail, IReadOnlyList<string>? errors = null) => new()
    {
        RequestId = requestId,
        Status = status,
        Detail = detail,
        Errors = errors ?? [],
    };
}
