namespace MLOps.Core.DataEngineering.Csv;

/// <summary>A bounded slice of consecutive records, the unit in which files larger than memory are processed.</summary>
public sealed record CsvBatch(IReadOnlyList<string> Columns, IReadOnlyList<CsvRecord> Records);
