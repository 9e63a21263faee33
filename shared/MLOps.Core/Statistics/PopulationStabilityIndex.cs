namespace MLOps.Core.Statistics;

/// <summary>
/// PSI = Σ (aᵢ − eᵢ) · ln(aᵢ / eᵢ) over bin shares of an expected (reference) and an actual distribution.
/// A share that is exactly zero is replaced by <see cref="Epsilon"/> (shares are not renormalised), so an empty
/// bin adds a large but finite term rather than infinity. Usual reading: &lt; 0.1 stable, 0.1–0.25 moderate
/// shift, &gt; 0.25 major shift.
/// </summary>
public static class PopulationStabilityIndex
{
    public const double Epsilon = 1e-4;

    public static double FromCounts(IReadOnlyList<long> expected, IReadOnlyList<long> actual)
    {
        SampleGuard.Paired(expected, actual, nameof(expected), nameof(actual));
        double expectedTotal = expected.Sum();
        double actualTotal = actual.Sum();
        if (expectedTotal <= 0 || actualTotal <= 0 || expected.Any(c => c < 0) || actual.Any(c => c < 0))
        {
            throw new ArgumentException("Bin counts must be non-negative with a positive total.");
        }

        double psi = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            double e = Share(expected[i], expectedTotal);
            double a = Share(actual[i], actualTotal);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    /// <summary>PSI over quantile bins of the expected values (deciles by default), the usual monitoring setup.</summary>
    public static double Compute(IReadOnlyList<double> expected, IReadOnlyList<double> actual, int bins = 10)
    {
        SampleGuard.NoNaN(actual, nameof(actual));
        double[] edges = Binning.QuantileEdges(expected, bins);
        return FromCounts(Binning.Counts(expected, edges), Binning.Counts(actual, edges));
    }

    private static double Share(long count, double total) => count == 0 ? Epsilon : count / total;
}
