namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The two-sided one-sample Kolmogorov–Smirnov distribution: P(Dₙ ≥ x). The method for each (n, x) is chosen as
/// Simard and L'Ecuyer (2011, J. Stat. Softw. 39(11)) recommend and scipy.stats.kstwo does (so that the two-sample
/// test's asymptotic p-value equals scipy's ks_2samp): Ruben–Gambino closed forms at the ends, twice the one-sided
/// Smirnov tail where the two tails cannot overlap or the overlap is negligible, Durbin's matrix (Marsaglia, Tsang
/// and Wang) or Pomeranz's recursion for small n, and the Pelz–Good expansion for large n.
/// </summary>
public static class KolmogorovDistribution
{
    public static double Survival(int n, double x)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x >= 1)
        {
            return 0;
        }

        if (x <= 0)
        {
            return 1;
        }

        double t = n * x;
        if (t <= 1)
        {
            if (t <= 0.5)
            {
                return 1;
            }

            // P(Dₙ < x) = n!/nⁿ (2t − 1)ⁿ for 1/(2n) ≤ x ≤ 1/n.
            double cdf = n <= 140 ? SmallRubenGambino(n, t) : Math.Exp(LogFactorialOverPower(n) + (n * Math.Log((2 * t) - 1)));
            return Clip(1 - cdf);
        }

        if (t >= n - 1)
        {
            return Clip(2 * Math.Pow(1 - x, n));
        }

        if (x >= 0.5)
        {
            // Both tails cannot be crossed at once: the two-sided tail is exactly twice the one-sided one.
            return Clip(2 * SmirnovDistribution.Survival(n, x));
        }

        double nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                return Clip(1 - KolmogorovDurbinMatrix.Cdf(n, x));
            }

            return nxSquared <= 4
                ? Clip(1 - KolmogorovPomeranz.Cdf(n, x))
                : Clip(2 * SmirnovDistribution.Survival(n, x));
        }

        if (nxSquared >= 370)
        {
            return 0;
        }

        if (nxSquared >= 2.2)
        {
            return Clip(2 * SmirnovDistribution.Survival(n, x));
        }

        double lower = n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4
            ? KolmogorovDurbinMatrix.Cdf(n, x)
            : KolmogorovPelzGood.Cdf(n, x);
        return Clip(1 - lower);
    }

    private static double SmallRubenGambino(int n, double t)
    {
        double product = 1;
        for (int i = 1; i <= n; i++)
        {
            product *= i * (1.0 / n) * ((2 * t) - 1);
        }

        return product;
    }

    // ln(n!/nⁿ) by Stirling's series with n ln n removed up front (no cancellation):
    // ½ ln n − n + ½ ln 2π + Σ B₂ⱼ / (2j (2j − 1) n^(2j−1)), eight terms.
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    private static double LogFactorialOverPower(int n)
    {
        double rn = 1.0 / n;
        double y = rn / n;
        double poly = 0;
        foreach (double c in StirlingCoefficients)
        {
            poly = (poly * y) + c;
        }

        return (Math.Log(n) / 2) - n + (Math.Log(2 * Math.PI) / 2) + (rn * poly);
    }

    private static double Clip(double p) => Math.Clamp(p, 0, 1);
}
