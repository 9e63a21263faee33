namespace MLOps.Core.Monitoring.Drift;

/// <summary>
/// Reference and current counts over the same bins: categories (labels) or numeric intervals (edges, one more than
/// the bins; ±∞ at the ends when the bins are open-ended).
/// </summary>
public sealed record BinnedCounts(
    IReadOnlyList<long> Reference, IReadOnlyList<long> Current, IReadOnlyList<double>? Edges, IReadOnlyList<string>? Categories)
{
    public double[] ReferenceShares => Shares(Reference);

    public double[] CurrentShares => Shares(Current);

    private static double[] Shares(IReadOnlyList<long> counts)
    {
        double total = counts.Sum();
        return [.. counts.Select(c => c / total)];
    }
}
