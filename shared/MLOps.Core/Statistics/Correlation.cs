namespace MLOps.Core.Statistics;

/// <summary>Pearson's product-moment correlation.</summary>
public static class Correlation
{
    /// <summary>
    /// r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)²·Σ(y−ȳ)²), centred first because the one-pass formula loses precision on
    /// large values (money columns). NaN when either variable is constant: r is undefined there.
    /// </summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        SampleGuard.Paired(x, y, nameof(x), nameof(y));
        SampleGuard.NoNaN(x, nameof(x));
        SampleGuard.NoNaN(y, nameof(y));
        if (x.Count < 2)
        {
            throw new ArgumentException("Correlation needs at least two pairs.", nameof(x));
        }

        double meanX = x.Average();
        double meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }
}
