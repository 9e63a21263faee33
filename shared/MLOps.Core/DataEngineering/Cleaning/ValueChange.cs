namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// One sampled cleaning action: the record (1-based, as in the quality report), the value before and after
/// (null after when the row was dropped). For a row action the value is the offending field, or the row itself.
/// </summary>
public sealed record ValueChange(long Record, string Before, string? After);
