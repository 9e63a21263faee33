namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>The finished profile of a dataset: its row count and one profile per column, in header order.</summary>
public sealed record DatasetProfile(long Rows, IReadOnlyList<ColumnProfile> Columns)
{
    public ColumnProfile? Find(string column) =>
        this.Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.Ordinal));
}
