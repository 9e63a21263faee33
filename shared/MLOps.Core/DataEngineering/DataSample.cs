namespace MLOps.Core.DataEngineering;

/// <summary>
/// A small table of raw values as read from a CSV: column names and rows of strings, null = missing. Profiling
/// and feasibility checks parse values per column rule, so the sample keeps the text as it came.
/// </summary>
public sealed record DataSample
{
    public DataSample(IReadOnlyList<string> columns, IReadOnlyList<string?[]> rows, long? populationRows = null)
    {
        string? duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Column '{duplicate}' appears more than once.", nameof(columns));
        }

        int ragged = rows.ToList().FindIndex(r => r.Length != columns.Count);
        if (ragged >= 0)
        {
            throw new ArgumentException($"Row {ragged} has {rows[ragged].Length} values for {columns.Count} columns.", nameof(rows));
        }

        this.Columns = columns;
        this.Rows = rows;
        this.PopulationRows = populationRows;
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<string?[]> Rows { get; }

    /// <summary>Rows in the whole data set when this is a subsample; null when the sample is all the data.</summary>
    public long? PopulationRows { get; init; }

    /// <summary>True when the reader stopped at its row limit: the file goes on past these rows.</summary>
    public bool Truncated { get; init; }

    /// <summary>The sample is not all the data (truncated, or standing for a larger population).</summary>
    public bool IsPartial => this.Truncated || this.PopulationRows is not null;

    public long TotalRows => this.PopulationRows ?? this.Rows.Count;

    public int IndexOf(string column)
    {
        for (int i = 0; i < this.Columns.Count; i++)
        {
            if (this.Columns[i] == column)
            {
                return i;
            }
        }

        return -1;
    }

    public IReadOnlyList<string?> Column(string column)
    {
        int index = this.IndexOf(column);
        return index < 0
            ? throw new KeyNotFoundException($"The sample has no column '{column}'.")
            : this.Rows.Select(r => r[index]).ToArray();
    }

    /// <summary>A copy with one more column computed from each row (derived columns, test fixtures).</summary>
    public DataSample WithColumn(string column, Func<Func<string, string?>, string?> compute)
    {
        string?[][] rows = this.Rows
            .Select(row => (string?[])[.. row, compute(name => row[this.IndexOf(name)])])
            .ToArray();
        return new DataSample([.. this.Columns, column], rows, this.PopulationRows) { Truncated = this.Truncated };
    }
}
