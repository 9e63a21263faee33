namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The chi-square goodness-of-fit test of a current window against the reference, as Evidently's "chisquare"
/// stattest defines it: over the union of categories, the expected count of a category is its reference count
/// scaled to the current window (reference count × current total / reference total), and
/// χ² = Σ (observed − expected)² / expected with categories − 1 degrees of freedom (scipy.stats.chisquare).
/// A category absent from the reference but present now has expected count 0: χ² = ∞, p = 0 (a new category is
/// drift). A single category gives χ² = 0, p = 1 (scipy returns NaN there; nothing can have moved).
/// </summary>
public static class ChiSquareTest
{
    /// <param name="reference">Counts per category, aligned with <paramref name="current"/>.</param>
    /// <param name="current">Counts per category in the current window.</param>
    public static ChiSquareResult FromCounts(IReadOnlyList<long> reference, IReadOnlyList<long> current)
    {
        CountGuard.Aligned(reference, current);
        double referenceTotal = reference.Sum();
        double currentTotal = current.Sum();
        int categories = 0;
        double statistic = 0;
        double scale = currentTotal / referenceTotal;
        for (int i = 0; i < reference.Count; i++)
        {
            if (reference[i] == 0 && current[i] == 0)
            {
                continue;
            }

            categories++;
            double expected = reference[i] * scale;
            double gap = current[i] - expected;
            statistic += expected == 0 ? double.PositiveInfinity : gap * gap / expected;
        }

        if (categories < 2)
        {
            return new ChiSquareResult(0, 0, 1);
        }

        int df = categories - 1;
        return new ChiSquareResult(statistic, df, ChiSquareTail.Survival(statistic, df));
    }
}
