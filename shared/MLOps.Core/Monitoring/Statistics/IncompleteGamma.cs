namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// ln Γ and the regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), the tails of the
/// chi-square and normal distributions. The smaller of P and Q is always the one computed directly (series below
/// x = a + 1, Lentz's continued fraction above), so a tail probability of 1e-30 keeps its relative precision
/// instead of being 1 − 0.999…
/// </summary>
public static class IncompleteGamma
{
    // Lanczos approximation, g = 607/128 with Godfrey's 15 coefficients: about 1e-15 relative for x ≥ 0.5.
    private const double LanczosG = 607.0 / 128.0;

    private static readonly double[] Lanczos =
    [
        0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
        -0.49191381609762019978, .33994649984811888699e-4, .46523628927048575665e-4, -.98374475304879564677e-4,
        .15808870322491248884e-3, -.21026444172410488319e-3, .21743961811521264320e-3, -.16431810653676389022e-3,
        .84418223983852743293e-4, -.26190838401581408670e-4, .36899182659531622704e-5,
    ];

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    private const int MaxIterations = 1_000_000;

    public static double LogGamma(double x)
    {
        if (double.IsNaN(x) || x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ is defined here for positive arguments.");
        }

        if (x < 0.5)
        {
            // Γ(x) = Γ(x + 1) / x keeps the Lanczos sum in its accurate range.
            return LogGamma(x + 1) - Math.Log(x);
        }

        double sum = Lanczos[0];
        for (int i = Lanczos.Length - 1; i > 0; i--)
        {
            sum += Lanczos[i] / (x + i);
        }

        double t = x + LanczosG + 0.5;
        return ((x + 0.5) * Math.Log(t)) - t + HalfLogTwoPi + Math.Log(sum / x);
    }

    /// <summary>Q(a, x) = Γ(a, x) / Γ(a), the upper tail.</summary>
    public static double Upper(double a, double x)
    {
        Check(a, x);
        if (x == 0)
        {
            return 1;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 0;
        }

        return x < a + 1 ? 1 - LowerSeries(a, x) : UpperFraction(a, x);
    }

    /// <summary>P(a, x) = γ(a, x) / Γ(a), the lower tail.</summary>
    public static double Lower(double a, double x)
    {
        Check(a, x);
        if (x == 0)
        {
            return 0;
        }

        if (double.IsPositiveInfinity(x))
        {
            return 1;
        }

        return x < a + 1 ? LowerSeries(a, x) : 1 - UpperFraction(a, x);
    }

    private static void Check(double a, double x)
    {
        if (double.IsNaN(a) || a <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "The shape must be positive.");
        }

        if (double.IsNaN(x) || x < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "The argument must be non-negative.");
        }
    }

    // e^(−x) x^a / Γ(a), in logs so that large a and x do not overflow before they cancel.
    private static double Prefactor(double a, double x) => Math.Exp((a * Math.Log(x)) - x - LogGamma(a));

    // P(a, x) = e^(−x) x^a / Γ(a + 1) · Σ xⁿ / ((a + 1)…(a + n)).
    private static double LowerSeries(double a, double x)
    {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * 1e-17)
            {
                return sum * Prefactor(a, x);
            }
        }

        throw new ArithmeticException($"The incomplete gamma series did not converge for a = {a}, x = {x}.");
    }

    // Q(a, x) = e^(−x) x^a / Γ(a) · 1 / (x + 1 − a − 1·(1 − a) / (x + 3 − a − 2·(2 − a) / …)), modified Lentz.
    private static double UpperFraction(double a, double x)
    {
        const double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MaxIterations; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                return h * Prefactor(a, x);
            }
        }

        throw new ArithmeticException($"The incomplete gamma fraction did not converge for a = {a}, x = {x}.");
    }
}
