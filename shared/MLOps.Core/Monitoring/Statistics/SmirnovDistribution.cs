namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The one-sided Kolmogorov–Smirnov distribution: P(D⁺ₙ ≥ x) by the Birnbaum–Tingey sum
/// x · Σⱼ C(n, j) (1 − x − j/n)^(n−j) (x + j/n)^(j−1), j = 0 … n − ⌊nx⌋ − 1, each term in logs (the binomials
/// overflow long before the terms do). All terms are positive, so the sum keeps its relative precision. The special
/// cases follow scipy.special.smirnov: x ≤ 1/n, x ≥ 1 − 1/n, an underflowing tail, and Miller's approximation for
/// n above one million.
/// </summary>
internal static class SmirnovDistribution
{
    private const double MinLog = -708.3964185322641;

    private const int MaxExactN = 1_000_000;

    public static double Survival(int n, double x)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x <= 0)
        {
            return 1;
        }

        if (x >= 1)
        {
            return 0;
        }

        if (n == 1)
        {
            return 1 - x;
        }

        double nx = n * x;
        int floorNx = (int)Math.Floor(nx);
        if (nx <= 1)
        {
            // Exact for x ≤ 1/n: P(D⁺ < x) = x (1 + x)^(n−1).
            return 1 - (x * Math.Pow(1 + x, n - 1));
        }

        if (-2 * n * x * x < MinLog)
        {
            return 0;
        }

        if (floorNx >= n - 1)
        {
            return Math.Pow(1 - x, n);
        }

        if (n > MaxExactN)
        {
            double logp = -Math.Pow((6.0 * n * x) + 1, 2) / 18.0 / n;
            return Math.Exp(logp);
        }

        double sum = 0;
        double logBinomial = 0;
        int last = n - floorNx - 1;
        for (int j = 0; j <= last; j++)
        {
            double low = ((double)(n - j) / n) - x;
            if (low > 0)
            {
                double high = ((double)j / n) + x;
                sum += Math.Exp(logBinomial + ((n - j) * Math.Log(low)) + ((j - 1) * Math.Log(high)));
            }

            logBinomial += Math.Log((double)(n - j) / (j + 1));
        }

        return Math.Clamp(x * sum, 0, 1);
    }
}
