namespace MLOps.Core.Integration.Latency;

/// <summary>
/// Percentiles by the nearest-rank method: the p-th percentile of n values is the value of rank ⌈p/100 · n⌉ in
/// ascending order (1-based). It is always a measured value, never an interpolation between two, so a p95 of
/// 40 ms means a request really took 40 ms — the reading a latency budget is written against.
/// </summary>
public static class Percentiles
{
    public static double NearestRank(IReadOnlyList<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A percentile of no values is undefined.", nameof(values));
        }

        if (!(percentile > 0 && percentile <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "The percentile must lie in (0, 100].");
        }

        double[] sorted = [.. values.Order()];

        // Decimal keeps p/100 · n exact (0.95 · 20 is 19, not 19.000000000000004 rounding up to rank 20).
        int rank = (int)Math.Ceiling((decimal)percentile * sorted.Length / 100);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
