using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Contract;

/// <summary>A raw input column as a package declares it or as the project registered it: name and logical type.</summary>
public sealed record SchemaColumn(string Name, ColumnType Type);
