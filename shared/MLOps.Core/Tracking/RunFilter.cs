namespace MLOps.Core.Tracking;

/// <summary>
/// Which runs of a project to return and in what order. Experiment, status and algorithm are filtered by the
/// table; the metric condition and ordering are applied to the matching rows.
/// </summary>
public sealed record RunFilter
{
    public string? Experiment { get; init; }

    public RunStatus? Status { get; init; }

    public string? Algorithm { get; init; }

    public MetricCondition? Metric { get; init; }

    /// <summary>The metric to order by; runs without it come last. Null keeps start-time order.</summary>
    public string? OrderBy { get; init; }

    public bool Descending { get; init; } = true;

    public int? Top { get; init; }
}
