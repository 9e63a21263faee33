namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// Evidently's "z" stattest for a binary column: the share of one value in the reference against the current
/// window, z = (p₁ − p₂) / √(P(1 − P)(1/n₁ + 1/n₂)) with the pooled share P, p-value 2·P(Z ≥ |z|). When both samples
/// hold only one and the same value, p = 1 (no variance to test). Which value is counted only flips the sign of z.
/// The p-value comes from the normal tail directly, so it stays exact where Evidently's 2·(1 − Φ(|z|)) rounds to 0.
/// </summary>
public static class ProportionDriftZTest
{
    /// <param name="referenceHits">Reference rows holding the counted value.</param>
    /// <param name="referenceTotal">Reference rows.</param>
    /// <param name="currentHits">Current rows holding the counted value.</param>
    /// <param name="currentTotal">Current rows.</param>
    public static ProportionZResult FromCounts(long referenceHits, long referenceTotal, long currentHits, long currentTotal)
    {
        if (referenceTotal <= 0 || currentTotal <= 0)
        {
            throw new ArgumentException("Both samples need at least one row.", nameof(currentTotal));
        }

        if (referenceHits < 0 || referenceHits > referenceTotal || currentHits < 0 || currentHits > currentTotal)
        {
            throw new ArgumentException("Hits must lie between 0 and the sample's rows.", nameof(currentHits));
        }

        double p1 = (double)referenceHits / referenceTotal;
        double p2 = (double)currentHits / currentTotal;
        double pooled = (double)(referenceHits + currentHits) / (referenceTotal + currentTotal);
        if (pooled <= 0 || pooled >= 1)
        {
            return new ProportionZResult(0, p1, p2, 1);
        }

        double z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / referenceTotal) + (1.0 / currentTotal)));
        return new ProportionZResult(z, p1, p2, GaussianTail.TwoSided(z));
    }
}
