namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test, two-sided, with the p-value method scipy.stats.ks_2samp picks by default
/// ('auto'): exact when both samples have at most 10,000 values, otherwise the one-sample Kolmogorov distribution
/// at n = round(n₁n₂/(n₁ + n₂)). Ties are handled by evaluating both empirical CDFs after each distinct value, so
/// discrete data gives the same statistic as scipy.
/// </summary>
public static class KolmogorovSmirnovTest
{
    /// <summary>Largest sample size for which the exact p-value is computed (scipy's MAX_AUTO_N).</summary>
    public const int MaxExactSize = 10_000;

    public static KolmogorovSmirnovResult Compute(IReadOnlyList<double> reference, IReadOnlyList<double> current) =>
        FromSorted(Sorted(reference, nameof(reference)), Sorted(current, nameof(current)));

    /// <summary>The test on samples already sorted ascending, finite and non-empty (the drift calculator sorts once).</summary>
    internal static KolmogorovSmirnovResult FromSorted(double[] a, double[] b)
    {
        int n1 = a.Length, n2 = b.Length;
        long g = Gcd(n1, n2);
        long n1g = n1 / g, n2g = n2 / g;

        // Walk the merged order; after each distinct value compare the counts exactly: |c₁n₂g − c₂n₁g| / lcm is
        // the CDF gap. The floating gap (c₁/n₁ − c₂/n₂, as scipy computes it) feeds the asymptotic p-value.
        long bestGap = 0;
        double maxDiff = double.NegativeInfinity, minDiff = double.PositiveInfinity;
        int i = 0, j = 0;
        while (i < n1 || j < n2)
        {
            double value = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
            while (i < n1 && a[i] == value)
            {
                i++;
            }

            while (j < n2 && b[j] == value)
            {
                j++;
            }

            bestGap = Math.Max(bestGap, Math.Abs((i * n2g) - (j * n1g)));
            double diff = ((double)i / n1) - ((double)j / n2);
            maxDiff = Math.Max(maxDiff, diff);
            minDiff = Math.Min(minDiff, diff);
        }

        if (Math.Max(n1, n2) <= MaxExactSize)
        {
            long lcm = n1g * n2;
            double d = (double)bestGap / lcm;
            double p = bestGap == 0 ? 1.0 : TwoSampleKolmogorovExact.Survival(n1, n2, bestGap);
            return new KolmogorovSmirnovResult(d, Math.Clamp(p, 0, 1), Exact: true);
        }

        double minS = Math.Clamp(-minDiff, 0, 1);
        double statistic = minS > maxDiff ? minS : maxDiff;
        double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        int effective = (int)Math.Round(m * n / (m + n), MidpointRounding.ToEven);
        double asymptotic = KolmogorovDistribution.Survival(effective, statistic);
        return new KolmogorovSmirnovResult(statistic, Math.Clamp(asymptotic, 0, 1), Exact: false);
    }

    private static double[] Sorted(IReadOnlyList<double> values, string name)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("The K-S test needs at least one value in each sample.", name);
        }

        double[] sorted = [.. values];
        if (sorted.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Drop missing and infinite values before the K-S test.", name);
        }

        Array.Sort(sorted);
        return sorted;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
