using MLOps.Core.Delivery.Gates;

namespace MLOps.Core.Delivery;

/// <summary>The door check of the gate bounds a deployment request may set (<c>gates</c>).</summary>
public static class GateBoundsRules
{
    public static IReadOnlyList<string> Problems(GateBounds bounds, string path = "gates")
    {
        ArgumentNullException.ThrowIfNull(bounds);
        var problems = new List<string>();
        Check(problems, bounds.MaxErrorRate is >= 0 and <= 1, $"{path}.maxErrorRate: must be a rate from 0 to 1");
        Check(problems, bounds.MaxP95LatencyMs is null or (> 0 and <= 600_000), $"{path}.maxP95LatencyMs: must be from 0 (exclusive) to 600000 ms");
        Check(problems, bounds.LatencyRatio is >= 1 and <= 100, $"{path}.latencyRatio: must be from 1 to 100");
        Check(problems, Enum.IsDefined(bounds.ShiftMetric), $"{path}.shiftMetric: must be one of {string.Join(", ", Enum.GetNames<ScoreShiftMetric>())}");
        Check(problems, bounds.MaxScoreShift is > 0 and <= 10, $"{path}.maxScoreShift: must be from 0 (exclusive) to 10");
        Check(problems, bounds.MaxMetricDrop is >= 0 and <= 1, $"{path}.maxMetricDrop: must be from 0 to 1");
        Check(problems, bounds.MinRequests is >= 1 and <= 10_000_000, $"{path}.minRequests: must be from 1 to 10000000");
        return problems;
    }

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }
}
