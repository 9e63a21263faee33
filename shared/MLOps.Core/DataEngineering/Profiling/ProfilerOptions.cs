namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>Limits that keep a partial profile bounded in memory and in size when it crosses an activity boundary.</summary>
public sealed record ProfilerOptions
{
    public static ProfilerOptions Default { get; } = new();

    /// <summary>Distinct values tracked per column; beyond it the distinct count is a lower bound.</summary>
    public int DistinctCap { get; init; } = 10_000;

    /// <summary>
    /// Numeric values kept exactly per column; quantiles are then exact (numpy's default "linear" definition).
    /// Past this the column switches to a compacting sketch whose rank error is reported with the profile.
    /// </summary>
    public int ExactQuantileLimit { get; init; } = 100_000;

    /// <summary>Items per sketch level (even). Rank error is at most (levels + 1) / (capacity - 1) of the count.</summary>
    public int SketchCapacity { get; init; } = 1024;

    public int HistogramBins { get; init; } = 10;

    public int TopValues { get; init; } = 10;

    /// <summary>A non-parsing column is Categorical when its distinct count is at most this ...</summary>
    public int CategoricalMaxDistinct { get; init; } = 50;

    /// <summary>... or at most this share of its non-missing values.</summary>
    public double CategoricalMaxShare { get; init; } = 0.05;
}
