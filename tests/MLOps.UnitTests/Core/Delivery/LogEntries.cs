using System.Globalization;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;

namespace MLOps.UnitTests.Core.Delivery;

/// <summary>Request-log entries built by hand for the gate, join and A/B tests: one scored row unless told otherwise.</summary>
internal static class LogEntries
{
    public static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    public static RequestLogEntry Answered(string id, string deployment, int status = 200, double durationMs = 10, float? score = 0.5f, string? label = null) => new()
    {
        RequestId = id,
        Time = Start,
        Project = "credit",
        Endpoint = "scores",
        Deployment = deployment,
        Principal = "app",
        Status = status,
        DurationMs = durationMs,
        InputKind = ScoreInputKind.Rows,
        Outputs = status == 200 ? [new RowResult { Score = score, Label = label }] : status == 409 ? null : [new RowResult { Status = status }],
    };

    public static RequestLogEntry Mirror(string id, string of, string deployment, int status = 200, double durationMs = 10, float? score = 0.5f, string? label = null) =>
        Answered(id, deployment, status, durationMs, score, label) with { MirrorOf = of };

    /// <summary><paramref name="count"/> answered entries named <c>{prefix}{i}</c>, each made by <paramref name="make"/>.</summary>
    public static IEnumerable<RequestLogEntry> Many(int count, string prefix, Func<string, int, RequestLogEntry> make) =>
        Enumerable.Range(0, count).Select(i => make(prefix + i.ToString(CultureInfo.InvariantCulture), i));
}
