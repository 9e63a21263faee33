namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>
/// What every non-missing value parses as (invariant culture), checked in the order Integer, Boolean
/// (<see cref="BooleanValues"/>), Real, DateTime, so a 0/1 column is Integer; Categorical and Text are the
/// non-parsing columns with few and many distinct values.
/// </summary>
#pragma warning disable CA1720 // The type names are the profile's vocabulary, as users and reports spell them.
public enum ColumnType
{
    Empty,
    Boolean,
    Integer,
    Real,
    DateTime,
    Categorical,
    Text,
}
#pragma warning restore CA1720
