namespace MLOps.Core.Requirements;

/// <summary>Which feasibility check a finding comes from.</summary>
public enum FeasibilityCheck
{
    MinRows,
    ColumnPresent,
    MissingShare,
    LabelPresent,
    LabelValues,
    LabelBalance,
    Leakage,

    /// <summary>A rule of the data contract (type, range, allowed values, uniqueness) the data pipeline would enforce.</summary>
    DataRule,

    /// <summary>The cleaning change guard, as the data pipeline would judge the cleaned sample.</summary>
    Cleaning,

    /// <summary>What the sample is: all of the data or part of it.</summary>
    Sample,
}
