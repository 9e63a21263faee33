namespace MLOps.Core.Statistics;

/// <summary>
/// Right-closed bins given by increasing edges e₀ &lt; … &lt; e_(k−1): bin 0 is (−∞, e₀], bin i is (e_(i−1), e_i],
/// bin k is (e_(k−1), ∞). The same rule as numpy.searchsorted(edges, x, side="left"), used by IV and PSI.
/// </summary>
public static class Binning
{
    /// <summary>
    /// Interior quantile edges at i/bins (i = 1 … bins−1), linearly interpolated like numpy.quantile's default
    /// (Hyndman–Fan type 7), with repeated edges removed: heavily tied data yields fewer bins, never empty ones
    /// by construction.
    /// </summary>
    public static double[] QuantileEdges(IReadOnlyList<double> values, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        SampleGuard.NoNaN(values, nameof(values));
        if (values.Count == 0)
        {
            throw new ArgumentException("Quantiles need at least one value.", nameof(values));
        }

        double[] sorted = [.. values.Order()];
        return Enumerable.Range(1, bins - 1)
            .Select(i => Quantile(sorted, (double)i / bins))
            .Distinct()
            .ToArray();
    }

    public static int BinOf(double value, IReadOnlyList<double> edges)
    {
        int lo = 0, hi = edges.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (edges[mid] < value)
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

    public static long[] Counts(IReadOnlyList<double> values, IReadOnlyList<double> edges)
    {
        long[] counts = new long[edges.Count + 1];
        foreach (double value in values)
        {
            counts[BinOf(value, edges)]++;
        }

        return counts;
    }

    public static string Label(int bin, IReadOnlyList<double> edges) =>
        $"({(bin == 0 ? "-inf" : edges[bin - 1].ToString("R", System.Globalization.CultureInfo.InvariantCulture))}, "
        + $"{(bin == edges.Count ? "inf)" : edges[bin].ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "]")}";

    private static double Quantile(double[] sorted, double p)
    {
        double position = (sorted.Length - 1) * p;
        int lower = (int)Math.Floor(position);
        double fraction = position - lower;
        double a = sorted[lower];
        double b = sorted[Math.Min(lower + 1, sorted.Length - 1)];

        // numpy's interpolation: from the nearer end, so the result is exact when a == b and monotone in p.
        return fraction >= 0.5 ? b - ((b - a) * (1 - fraction)) : a + ((b - a) * fraction);
    }
}
