using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// What fitting needs from the training rows (cleaned, not yet imputed), gathered row by row: a
/// <see cref="ColumnFitStatistics"/> for every column that is imputed, standardized or one-hot encoded, with its
/// numbers kept only where a median is taken and values counted only where a mode or categories are needed.
/// </summary>
public sealed class TrainingStatistics
{
    private readonly (int Index, ColumnFitStatistics Statistics)[] tracked;

    public TrainingStatistics(IReadOnlyList<string> header, IReadOnlyList<FeatureDefinition> definitions, IReadOnlyList<ImputeRule> imputations)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(imputations);
        this.Header = header;
        var median = imputations.Where(i => i.Strategy == ImputeStrategy.Median).Select(i => i.Column).ToHashSet(StringComparer.Ordinal);
        var categories = imputations.Where(i => i.Strategy == ImputeStrategy.Mode).Select(i => i.Column)
            .Concat(definitions.Where(d => d?.Transform is OneHotTransform && d.Sources is { Count: > 0 }).Select(d => d.Sources[0]))
            .ToHashSet(StringComparer.Ordinal);
        IEnumerable<string> columns = imputations.Select(i => i.Column)
            .Concat(definitions.Where(d => d?.Transform is StandardizeTransform && d.Sources is { Count: > 0 }).Select(d => d.Sources[0]))
            .Concat(categories)
            .Distinct(StringComparer.Ordinal);
        this.tracked = [.. columns
            .Select(c => (Index: IndexOf(header, c), Column: c))
            .Where(c => c.Index >= 0)
            .Select(c => (c.Index, new ColumnFitStatistics(c.Column, median.Contains(c.Column), categories.Contains(c.Column), OneHotTransform.CountedCategories)))];
    }

    /// <summary>The columns of the rows, so fitting can name a source column the data does not have.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Training rows added.</summary>
    public long Rows { get; private set; }

    /// <summary>Adds one training row (the fields of a cleaned record, before imputation).</summary>
    public void Add(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        this.Rows++;
        foreach ((int index, ColumnFitStatistics statistics) in this.tracked)
        {
            statistics.Add(fields[index]);
        }
    }

    /// <summary>The statistics of a tracked column; null for a column nothing is fitted on.</summary>
    public ColumnFitStatistics? Find(string column) =>
        this.tracked.Select(t => t.Statistics).FirstOrDefault(s => string.Equals(s.Column, column, StringComparison.Ordinal));

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
