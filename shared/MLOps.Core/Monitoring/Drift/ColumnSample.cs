using System.Globalization;

namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// A column with its missing values taken out and counted. Numeric values keep their numbers (for K-S and
/// Wasserstein); both kinds can be viewed as categories (numbers by value) for the tests and distances on shares.
/// </summary>
internal sealed class ColumnSample
{
    private ColumnSample(DriftColumn column)
    {
        Column = column;
        if (column.Kind == DriftFeatureKind.Numeric)
        {
            // Sorted once here: K-S, Wasserstein, bins and distinct counts all read sorted values.
            ReferenceNumbers = [.. column.ReferenceNumbers.Where(IsPresent).Select(v => v!.Value)];
            CurrentNumbers = [.. column.CurrentNumbers.Where(IsPresent).Select(v => v!.Value)];
            Array.Sort(ReferenceNumbers);
            Array.Sort(CurrentNumbers);
            Distinct = DistinctSorted(ReferenceNumbers, CurrentNumbers);
            ReferenceDistinct = DistinctSorted(ReferenceNumbers, []);
        }
        else
        {
            ReferenceLabels = [.. column.ReferenceLabels.Where(v => v is not null).Select(v => v!)];
            CurrentLabels = [.. column.CurrentLabels.Where(v => v is not null).Select(v => v!)];
            Distinct = ReferenceLabels.Concat(CurrentLabels).Distinct(StringComparer.Ordinal).Count();
            ReferenceDistinct = ReferenceLabels.Distinct(StringComparer.Ordinal).Count();
        }
    }

    public DriftColumn Column { get; }

    /// <summary>The non-missing reference numbers, ascending.</summary>
    public double[] ReferenceNumbers { get; } = [];

    /// <summary>The non-missing current numbers, ascending.</summary>
    public double[] CurrentNumbers { get; } = [];

    public string[] ReferenceLabels { get; } = [];

    public string[] CurrentLabels { get; } = [];

    public long ReferenceCount => Column.Kind == DriftFeatureKind.Numeric ? ReferenceNumbers.Length : ReferenceLabels.Length;

    public long CurrentCount => Column.Kind == DriftFeatureKind.Numeric ? CurrentNumbers.Length : CurrentLabels.Length;

    public long ReferenceMissing => Column.ReferenceRows - ReferenceCount;

    public long CurrentMissing => Column.CurrentRows - CurrentCount;

    /// <summary>Distinct non-missing values over reference ∪ current (Evidently's n_unique for the selection).</summary>
    public int Distinct { get; }

    /// <summary>Distinct non-missing reference values (Evidently bins numbers only above 20 of them).</summary>
    public int ReferenceDistinct { get; }

    public static ColumnSample From(DriftColumn column) => new(column);

    /// <summary>Counts per category over the union of categories, in ordinal (numbers: numeric) order.</summary>
    public BinnedCounts ByValue()
    {
        if (Column.Kind == DriftFeatureKind.Numeric)
        {
            double[] keys = [.. ReferenceNumbers.Concat(CurrentNumbers).Distinct().Order()];
            Dictionary<double, int> index = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
            return new BinnedCounts(
                Tally(ReferenceNumbers, index, keys.Length),
                Tally(CurrentNumbers, index, keys.Length),
                Edges: null,
                [.. keys.Select(k => k.ToString("R", CultureInfo.InvariantCulture))]);
        }

        string[] labels = [.. ReferenceLabels.Concat(CurrentLabels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Dictionary<string, int> positions = labels.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        return new BinnedCounts(
            Tally(ReferenceLabels, positions, labels.Length),
            Tally(CurrentLabels, positions, labels.Length),
            Edges: null,
            labels);
    }

    private static long[] Tally<T>(IEnumerable<T> values, Dictionary<T, int> index, int size)
        where T : notnull
    {
        long[] counts = new long[size];
        foreach (T value in values)
        {
            counts[index[value]]++;
        }

        return counts;
    }

    // Distinct values of the union of two ascending arrays, by a merge.
    private static int DistinctSorted(double[] a, double[] b)
    {
        int distinct = 0, i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            double value = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            distinct++;
            while (i < a.Length && a[i] == value)
            {
                i++;
            }

            while (j < b.Length && b[j] == value)
            {
                j++;
            }
        }

        return distinct;
    }

    private static bool IsPresent(double? value) => value is double v && double.IsFinite(v);
}
