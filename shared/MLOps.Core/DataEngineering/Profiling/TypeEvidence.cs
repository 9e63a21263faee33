namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>
/// Whether every non-missing value seen so far parses as each candidate type. Flags rather than counts, because
/// a column's type is decided by "all values", and AND is the merge that keeps chunk order irrelevant.
/// </summary>
public readonly record struct TypeEvidence(bool AllBoolean, bool AllInteger, bool AllReal, bool AllDateTime)
{
    public static TypeEvidence Unrefuted { get; } = new(true, true, true, true);

    public TypeEvidence Merge(TypeEvidence other) => new(
        this.AllBoolean && other.AllBoolean,
        this.AllInteger && other.AllInteger,
        this.AllReal && other.AllReal,
        this.AllDateTime && other.AllDateTime);
}
