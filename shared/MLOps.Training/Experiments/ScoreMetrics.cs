using MLOps.Core.Requirements;

namespace MLOps.Training.Experiments;

/// <summary>The name under which <c>ModelMetrics.ToDictionary</c> reports each acceptance metric.</summary>
public static class ScoreMetrics
{
    public static string KeyOf(AcceptanceMetric metric) => metric switch
    {
        AcceptanceMetric.R2 => "RSquared",
        _ => metric.ToString(),
    };
}
