namespace MLOps.Core.DataEngineering.Cleaning;

public enum ImputeStrategy
{
    /// <summary>The median of the cleaned training rows' numbers, rounded half-to-even for Integer columns so the type is kept.</summary>
    Median,

    /// <summary>The most frequent cleaned training value (ties by ordinal order).</summary>
    Mode,

    Constant,
}
