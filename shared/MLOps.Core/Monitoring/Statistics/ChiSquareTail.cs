namespace MLOps.Core.Monitoring.Statistics;

/// <summary>The chi-square survival function P(χ²_df ≥ x) = Q(df/2, x/2), as scipy.stats.chi2.sf.</summary>
public static class ChiSquareTail
{
    public static double Survival(double x, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        return x <= 0 ? 1 : IncompleteGamma.Upper(degreesOfFreedom / 2.0, x / 2);
    }
}
