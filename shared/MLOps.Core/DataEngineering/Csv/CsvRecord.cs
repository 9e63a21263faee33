namespace MLOps.Core.DataEngineering.Csv;

/// <summary>One data record: its 1-based number among data records, the line it starts on, and its raw fields.</summary>
public sealed record CsvRecord(long Number, long Line, IReadOnlyList<string> Fields);
