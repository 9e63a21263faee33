namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The population stability index Σ (reference − current) · ln(reference / current) over aligned bin shares, with
/// Evidently's smoothing of empty bins: within each distribution, a zero share becomes 0.0001, or the smallest
/// non-zero share / 10⁶ when that smallest share is itself at most 0.0001 (so smoothing never outweighs a real bin).
/// Shares are not renormalised after smoothing, as in Evidently.
/// </summary>
public static class PsiDrift
{
    public const double EmptyShare = 0.0001;

    public static double FromShares(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        CountGuard.Shares(reference, current);
        double[] r = Smooth(reference);
        double[] c = Smooth(current);
        double psi = 0;
        for (int i = 0; i < r.Length; i++)
        {
            psi += (r[i] - c[i]) * Math.Log(r[i] / c[i]);
        }

        return psi;
    }

    /// <summary>The shares with empty bins replaced as described on the type.</summary>
    public static double[] Smooth(IReadOnlyList<double> shares)
    {
        double minPositive = shares.Where(s => s > 0).DefaultIfEmpty(0).Min();
        if (minPositive <= 0)
        {
            throw new ArgumentException("A distribution needs at least one non-empty bin.", nameof(shares));
        }

        double fill = minPositive <= EmptyShare ? minPositive / 1e6 : EmptyShare;
        return [.. shares.Select(s => s == 0 ? fill : s)];
    }
}
