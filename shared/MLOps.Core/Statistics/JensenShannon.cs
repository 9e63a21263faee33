namespace MLOps.Core.Statistics;

/// <summary>
/// The Jensen–Shannon distance in bits (scipy.spatial.distance.jensenshannon(p, q, base=2)): the square root of
/// JSD = ½·KL(P‖M) + ½·KL(Q‖M), M = ½(P + Q). Symmetric, bounded by [0, 1], finite with empty bins (0·log 0 = 0),
/// so unlike PSI it needs no epsilon for a bin one side never reaches.
/// </summary>
public static class JensenShannon
{
    public static double FromCounts(IReadOnlyList<long> expected, IReadOnlyList<long> actual)
    {
        SampleGuard.Paired(expected, actual, nameof(expected), nameof(actual));
        if (expected.Any(c => c < 0) || actual.Any(c => c < 0) || expected.Sum() <= 0 || actual.Sum() <= 0)
        {
            throw new ArgumentException("Bin counts must be non-negative with a positive total.");
        }

        return FromShares([.. expected.Select(c => (double)c)], [.. actual.Select(c => (double)c)]);
    }

    /// <summary>Shares (or any non-negative weights: each side is normalised to sum to 1 first, as scipy does).</summary>
    public static double FromShares(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        SampleGuard.Paired(p, q, nameof(p), nameof(q));
        SampleGuard.NoNaN(p, nameof(p));
        SampleGuard.NoNaN(q, nameof(q));
        double totalP = p.Sum();
        double totalQ = q.Sum();
        if (p.Any(v => v < 0) || q.Any(v => v < 0) || !(totalP > 0) || !(totalQ > 0))
        {
            throw new ArgumentException("Shares must be non-negative with a positive total.");
        }

        double divergence = 0;
        for (int i = 0; i < p.Count; i++)
        {
            double a = p[i] / totalP;
            double b = q[i] / totalQ;
            double m = (a + b) / 2;
            divergence += (Term(a, m) + Term(b, m)) / 2;
        }

        // Rounding can leave a hair below zero for identical distributions.
        return Math.Sqrt(Math.Max(0, divergence));
    }

    /// <summary>The distance over quantile bins of the expected values (deciles by default), as PSI bins them.</summary>
    public static double Compute(IReadOnlyList<double> expected, IReadOnlyList<double> actual, int bins = 10)
    {
        SampleGuard.NoNaN(actual, nameof(actual));
        double[] edges = Binning.QuantileEdges(expected, bins);
        return FromCounts(Binning.Counts(expected, edges), Binning.Counts(actual, edges));
    }

    private static double Term(double share, double mixture) => share == 0 ? 0 : share * Math.Log2(share / mixture);
}
