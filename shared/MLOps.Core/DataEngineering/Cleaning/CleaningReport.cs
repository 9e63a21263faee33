namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// Counts of every cleaning action. Rows read = written + dropped as duplicates + dropped as invalid; the column
/// counts cover kept rows only, so a dropped row is counted once, as dropped. <see cref="DuplicateRowsFound"/>
/// counts exact duplicates whether or not the plan drops them. <see cref="Steps"/> lists each rule that acted,
/// with samples of before and after.
/// </summary>
public sealed record CleaningReport(
    long RowsRead,
    long RowsWritten,
    long DuplicateRowsFound,
    long DuplicateRowsDropped,
    long InvalidRowsDropped,
    IReadOnlyList<ColumnCleaning> Columns,
    IReadOnlyList<CleaningStep> Steps)
{
    public ColumnCleaning? Find(string column) =>
        this.Columns.FirstOrDefault(c => string.Equals(c.Column, column, StringComparison.Ordinal));

    public long RowsDropped => this.DuplicateRowsDropped + this.InvalidRowsDropped;
}
