namespace MLOps.Core.DataEngineering.Cleaning;

public enum ImputeStrategy
{
    /// <summary>The profiled median (p50), rounded half-to-even for Integer columns so the type is kept.</summary>
    Median,

    /// <summary>The most frequent profiled value (ties by ordinal order), normalised if the column is.</summary>
    Mode,

    Constant,
}
