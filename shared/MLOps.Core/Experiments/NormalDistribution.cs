namespace MLOps.Core.Experiments;

/// <summary>Standard normal helpers; .NET has no erf, and Parzen kernels need the truncation mass.</summary>
internal static class NormalDistribution
{
    private static readonly double LogSqrtTwoPi = 0.5 * Math.Log(2 * Math.PI);

    private static readonly double[] ErfcCoefficients =
    [
        -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
        0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277,
    ];

    public static double LogPdf(double x, double mu, double sigma)
    {
        double z = (x - mu) / sigma;
        return (-0.5 * z * z) - Math.Log(sigma) - LogSqrtTwoPi;
    }

    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>Numerical Recipes' Chebyshev erfc: relative error below 1.2e-7 everywhere.</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double poly = 0;
        for (int i = ErfcCoefficients.Length - 1; i >= 0; i--)
        {
            poly = ErfcCoefficients[i] + (t * poly);
        }

        double r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }

    public static double LogSumExp(IReadOnlyList<double> values)
    {
        double max = values.Max();
        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (double v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}
