namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// Counts of every cleaning action. Rows read = written + dropped as duplicates + dropped as invalid; the column
/// counts cover kept rows only, so a dropped row is counted once, as dropped.
/// </summary>
public sealed record CleaningReport(
    long RowsRead,
    long RowsWritten,
    long DuplicateRowsDropped,
    long InvalidRowsDropped,
    IReadOnlyList<ColumnCleaning> Columns)
{
    public ColumnCleaning? Find(string column) =>
        this.Columns.FirstOrDefault(c => string.Equals(c.Column, column, StringComparison.Ordinal));
}
