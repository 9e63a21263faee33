namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The Jensen–Shannon divergence and distance between two distributions given as aligned shares (or counts: both
/// are normalised first), as scipy.spatial.distance.jensenshannon: JSD = ½ KL(p‖m) + ½ KL(q‖m), m = (p + q)/2, in
/// units of log <c>logBase</c>; the distance is √JSD. Base 2 bounds both by 1.
/// </summary>
public static class JensenShannonDrift
{
    public static double Divergence(IReadOnlyList<double> p, IReadOnlyList<double> q, double logBase = 2)
    {
        CountGuard.Shares(p, q);
        if (!(logBase > 0) || logBase == 1 || double.IsInfinity(logBase))
        {
            throw new ArgumentOutOfRangeException(nameof(logBase), logBase, "The logarithm base must be positive and not 1.");
        }

        double pTotal = p.Sum(), qTotal = q.Sum();
        if (pTotal <= 0 || qTotal <= 0)
        {
            throw new ArgumentException("Both distributions need a positive total.", nameof(q));
        }

        double left = 0, right = 0;
        for (int i = 0; i < p.Count; i++)
        {
            double pi = p[i] / pTotal, qi = q[i] / qTotal;
            double mi = (pi + qi) / 2;
            left += RelativeEntropy(pi, mi);
            right += RelativeEntropy(qi, mi);
        }

        // Rounding can leave −1e-17 for identical inputs; the divergence itself is never negative.
        return Math.Max(0, (left + right) / Math.Log(logBase) / 2);
    }

    public static double Distance(IReadOnlyList<double> p, IReadOnlyList<double> q, double logBase = 2) =>
        Math.Sqrt(Divergence(p, q, logBase));

    private static double RelativeEntropy(double x, double y) => x == 0 ? 0 : x * Math.Log(x / y);
}
