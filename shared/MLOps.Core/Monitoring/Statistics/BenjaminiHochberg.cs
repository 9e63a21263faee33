namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The Benjamini–Hochberg step-up procedure over a family of p-values. The adjusted p-value of the i-th smallest of
/// m is min over j ≥ i of p₍ⱼ₎·m/j, capped at 1; rejecting where adjusted ≤ q controls the false discovery rate at q
/// for independent (or positively dependent) tests, and under the global null it is also the chance of any false
/// alarm at all. Equal to statsmodels' multipletests(method="fdr_bh").
/// </summary>
public static class BenjaminiHochberg
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        if (pValues.Any(p => double.IsNaN(p) || p < 0 || p > 1))
        {
            throw new ArgumentException("p-values must lie in [0, 1].", nameof(pValues));
        }

        int m = pValues.Count;
        int[] order = [.. Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i)];
        double[] adjusted = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--)
        {
            int index = order[rank - 1];
            running = Math.Min(running, pValues[index] * m / rank);
            adjusted[index] = running;
        }

        return adjusted;
    }

    public static bool[] Reject(IReadOnlyList<double> pValues, double q)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        return [.. Adjust(pValues).Select(p => p <= q)];
    }
}
