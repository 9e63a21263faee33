using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// One column over the training rows, after cleaning and before imputation: how many values are missing, the
/// moments of its numbers (as <see cref="FeatureValues.Number"/> reads them), its numbers themselves when a
/// median is needed, and the count of each distinct value up to <see cref="CategoryCap"/> distinct values.
/// </summary>
public sealed class ColumnFitStatistics
{
    private readonly List<double>? values;
    private readonly Dictionary<string, long>? counts;
    private readonly int categoryCap;
    private Moments moments;

    public ColumnFitStatistics(string column, bool keepNumbers, bool countCategories, int categoryCap)
    {
        ArgumentException.ThrowIfNullOrEmpty(column);
        this.Column = column;
        this.values = keepNumbers ? [] : null;
        this.counts = countCategories ? new Dictionary<string, long>(StringComparer.Ordinal) : null;
        this.categoryCap = categoryCap;
    }

    public string Column { get; }

    public long Rows { get; private set; }

    public long Missing { get; private set; }

    /// <summary>Present values that are not numbers: a standardized column of such values cannot be fitted.</summary>
    public long NotNumeric { get; private set; }

    public Moments Numbers => this.moments;

    /// <summary>Whether distinct values past the cap were seen; they count as neither a category nor kept.</summary>
    public bool CategoriesOverflowed { get; private set; }

    public IReadOnlyDictionary<string, long> Categories => this.counts ?? throw new InvalidOperationException($"Categories of '{this.Column}' were not counted.");

    public int CategoryCap => this.categoryCap;

    public void Add(string raw)
    {
        this.Rows++;
        if (MissingValues.IsMissing(raw))
        {
            this.Missing++;
            return;
        }

        double x = FeatureValues.Number(raw);
        if (double.IsNaN(x))
        {
            this.NotNumeric++;
        }
        else
        {
            this.moments = this.moments.Add(x);
            this.values?.Add(x);
        }

        if (this.counts is not null)
        {
            this.Count(raw, 1);
        }
    }

    /// <summary>The median of the numbers (the mean of the middle two for an even count), as numpy.median.</summary>
    public double? Median()
    {
        List<double> numbers = this.values ?? throw new InvalidOperationException($"Numbers of '{this.Column}' were not kept.");
        if (numbers.Count == 0)
        {
            return null;
        }

        double[] sorted = [.. numbers.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The most frequent value, ties in ordinal order; null when nothing was counted.</summary>
    public string? Mode() =>
        this.Categories.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).FirstOrDefault();

    /// <summary>These statistics as they are after every missing value was replaced by <paramref name="fill"/>.</summary>
    public ColumnFitStatistics Imputed(string fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var after = new ColumnFitStatistics(this.Column, this.values is not null, this.counts is not null, this.categoryCap)
        {
            Rows = this.Rows,
            NotNumeric = this.NotNumeric,
            CategoriesOverflowed = this.CategoriesOverflowed,
        };
        after.values?.AddRange(this.values!);
        after.moments = this.moments;
        if (this.counts is not null)
        {
            foreach ((string value, long count) in this.counts)
            {
                after.counts!.Add(value, count);
            }
        }

        long filled = this.Missing;
        if (filled == 0 || MissingValues.IsMissing(fill))
        {
            after.Missing = this.Missing;
            return after;
        }

        double x = FeatureValues.Number(fill);
        if (double.IsNaN(x))
        {
            after.NotNumeric += filled;
        }
        else
        {
            after.moments = after.moments.Merge(new Moments(filled, x, 0, x, x));
            after.values?.AddRange(Enumerable.Repeat(x, checked((int)filled)));
        }

        if (after.counts is not null)
        {
            after.Count(fill, filled);
        }

        return after;
    }

    private void Count(string value, long count)
    {
        if (this.counts!.TryGetValue(value, out long seen))
        {
            this.counts[value] = seen + count;
        }
        else if (this.counts.Count < this.categoryCap)
        {
            this.counts.Add(value, count);
        }
        else
        {
            this.CategoriesOverflowed = true;
        }
    }
}
