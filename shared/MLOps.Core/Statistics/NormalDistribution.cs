namespace MLOps.Core.Statistics;

/// <summary>
/// The standard normal distribution. Φ(z) = ½·erfc(−z/√2), with erfc(x) = Q(½, x²) for x ≥ 0 (the regularized upper
/// incomplete gamma), so both tails keep their relative accuracy instead of being 1 minus a number near 1.
/// </summary>
public static class NormalDistribution
{
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>P(|Z| ≥ |z|), the two-sided p-value of a z statistic.</summary>
    public static double TwoSidedP(double z) => double.IsNaN(z) ? double.NaN : Erfc(Math.Abs(z) / Math.Sqrt(2));

    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        double upper = SpecialFunctions.RegularizedUpperGamma(0.5, x * x);
        return x >= 0 ? upper : 2 - upper;
    }
}
