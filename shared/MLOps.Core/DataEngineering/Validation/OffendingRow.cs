namespace MLOps.Core.DataEngineering.Validation;

/// <summary>A sampled row that broke a rule: where it is in the file, the offending value and the whole row.</summary>
public sealed record OffendingRow(long RecordNumber, long Line, string Value, IReadOnlyList<string> Fields);
