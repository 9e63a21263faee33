namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// Equal-width histogram edges and counts with numpy's conventions (numpy.histogram_bin_edges / numpy.histogram):
/// k bins over [min, max] have edges min + i·(max − min)/k with the last edge exactly max; bin i holds
/// eᵢ ≤ x &lt; eᵢ₊₁ and the last bin also holds its right edge; a constant sample gets one bin [v − ½, v + ½].
/// Values outside the edges are not counted.
/// </summary>
public static class DriftHistogram
{
    /// <summary>Sturges' rule as numpy applies it: width = range / (log₂ n + 1), bins = ⌈range / width⌉.</summary>
    public static double[] SturgesEdges(IReadOnlyList<double> values)
    {
        (double min, double max) = Range(values);
        double spread = values.Max() - values.Min();
        double width = spread / (Math.Log2(values.Count) + 1.0);
        int bins = width == 0 ? 1 : (int)Math.Ceiling((max - min) / width);
        return Edges(min, max, bins);
    }

    public static double[] EqualWidthEdges(IReadOnlyList<double> values, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        (double min, double max) = Range(values);
        return Edges(min, max, bins);
    }

    public static long[] Counts(IReadOnlyList<double> values, IReadOnlyList<double> edges)
    {
        if (edges.Count < 2)
        {
            throw new ArgumentException("A histogram needs at least two edges.", nameof(edges));
        }

        long[] counts = new long[edges.Count - 1];
        double first = edges[0], last = edges[^1];
        foreach (double value in values)
        {
            if (!(value >= first && value <= last))
            {
                continue;
            }

            counts[value == last ? counts.Length - 1 : UpperBound(edges, value) - 1]++;
        }

        return counts;
    }

    private static (double Min, double Max) Range(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("A histogram needs at least one value.", nameof(values));
        }

        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Drop missing and infinite values before binning.", nameof(values));
        }

        double min = values.Min(), max = values.Max();
        return min == max ? (min - 0.5, max + 0.5) : (min, max);
    }

    private static double[] Edges(double min, double max, int bins)
    {
        double step = (max - min) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++)
        {
            edges[i] = (i * step) + min;
        }

        edges[bins] = max;
        return edges;
    }

    // The first index whose edge is greater than value (numpy.searchsorted side="right").
    private static int UpperBound(IReadOnlyList<double> edges, double value)
    {
        int lo = 0, hi = edges.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (edges[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
