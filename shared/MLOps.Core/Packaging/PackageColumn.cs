using MLOps.Core.Requirements;

namespace MLOps.Core.Packaging;

/// <summary>A landed column the feature contract reads, with its declared type.</summary>
public sealed record PackageColumn(string Name, ColumnType Type);
