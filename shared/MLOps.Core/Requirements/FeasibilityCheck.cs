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
}
