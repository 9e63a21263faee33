namespace MLOps.Core.DataEngineering.Profiling;

public sealed record ValueCount(string Value, long Count);
