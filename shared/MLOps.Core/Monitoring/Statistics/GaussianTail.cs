namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// Tails of the standard normal distribution through Q(½, z²/2) = erfc(|z|/√2), accurate to the last digits
/// far into the tail (a two-sided p-value of 1e-40 is returned as such, not as 0).
/// </summary>
public static class GaussianTail
{
    /// <summary>P(|Z| ≥ |z|).</summary>
    public static double TwoSided(double z) =>
        double.IsNaN(z) ? double.NaN : IncompleteGamma.Upper(0.5, z * z / 2);

    /// <summary>P(Z ≥ z).</summary>
    public static double Upper(double z) =>
        double.IsNaN(z) ? double.NaN : z >= 0 ? TwoSided(z) / 2 : 1 - (TwoSided(z) / 2);
}
