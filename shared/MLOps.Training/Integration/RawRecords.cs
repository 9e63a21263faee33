namespace MLOps.Training.Integration;

/// <summary>Raw records by entity key, each column → value as landed (the target left out); <see cref="Columns"/> in file order.</summary>
public sealed record RawRecords(IReadOnlyList<string> Columns, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> ByKey);
