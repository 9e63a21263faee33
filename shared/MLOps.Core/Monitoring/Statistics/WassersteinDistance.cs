namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The first Wasserstein (earth mover's) distance between two empirical distributions on the line,
/// ∫ |F_u(t) − F_v(t)| dt, as scipy.stats.wasserstein_distance computes it; and Evidently's normed variant that
/// divides by the reference's population standard deviation (floored at 0.001, so a constant reference does not
/// divide by zero).
/// </summary>
public static class WassersteinDistance
{
    public const double StdFloor = 0.001;

    public static double Compute(IReadOnlyList<double> u, IReadOnlyList<double> v) =>
        FromSorted(Sorted(u, nameof(u)), Sorted(v, nameof(v)));

    /// <summary>W₁(reference, current) / max(σ_reference, 0.001), σ with divisor n (numpy.std).</summary>
    public static double Normed(IReadOnlyList<double> reference, IReadOnlyList<double> current) =>
        Compute(reference, current) / Math.Max(PopulationStd(reference), StdFloor);

    /// <summary>The normed distance of samples already sorted ascending, finite and non-empty.</summary>
    internal static double NormedFromSorted(double[] reference, double[] current) =>
        FromSorted(reference, current) / Math.Max(PopulationStd(reference), StdFloor);

    internal static double FromSorted(double[] a, double[] b)
    {
        // Between consecutive merged values the two CDFs are constant: add |F_u − F_v| × the gap.
        double total = 0;
        int i = 0, j = 0;
        double previous = Math.Min(a[0], b[0]);
        while (i < a.Length || j < b.Length)
        {
            double value = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            total += Math.Abs(((double)i / a.Length) - ((double)j / b.Length)) * (value - previous);
            while (i < a.Length && a[i] == value)
            {
                i++;
            }

            while (j < b.Length && b[j] == value)
            {
                j++;
            }

            previous = value;
        }

        return total;
    }

    public static double PopulationStd(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double squares = 0;
        foreach (double value in values)
        {
            squares += (value - mean) * (value - mean);
        }

        return Math.Sqrt(squares / values.Count);
    }

    private static double[] Sorted(IReadOnlyList<double> values, string name)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("The Wasserstein distance needs at least one value in each sample.", name);
        }

        double[] sorted = [.. values];
        if (sorted.Any(x => !double.IsFinite(x)))
        {
            throw new ArgumentException("Drop missing and infinite values before the Wasserstein distance.", name);
        }

        Array.Sort(sorted);
        return sorted;
    }
}
