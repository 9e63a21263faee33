namespace MLOps.Core.Statistics;

/// <summary>
/// Student's t distribution with ν degrees of freedom (any ν &gt; 0, fractional for Welch's test), through the
/// regularized incomplete beta: P(|T| ≥ |t|) = I_x(ν/2, ½) with x = ν / (ν + t²).
/// </summary>
public static class StudentT
{
    public static double Cdf(double t, double degreesOfFreedom)
    {
        double tail = 0.5 * TwoSidedP(t, degreesOfFreedom);
        return t >= 0 ? 1 - tail : tail;
    }

    public static double TwoSidedP(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || !(degreesOfFreedom > 0))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return 0;
        }

        // x and 1 − x computed apart: for large ν and small t, x is within rounding of 1.
        double square = t * t;
        double x = degreesOfFreedom / (degreesOfFreedom + square);
        double complement = square / (degreesOfFreedom + square);
        return SpecialFunctions.RegularizedIncompleteBeta(x, complement, degreesOfFreedom / 2, 0.5);
    }
}
