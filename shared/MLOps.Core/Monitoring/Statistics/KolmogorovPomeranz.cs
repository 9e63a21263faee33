namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// P(Dₙ ≤ x) by Pomeranz's (1974) recursion: 2n + 1 rows, each the convolution of the previous row with
/// (unnormalised) Poisson probabilities of step g/n, 2g/n or (1 − 2g)/n, where g is the distance of nx to the
/// nearest integer; only a band of each row can be non-zero. The answer is n! times the last entry. Rows are
/// rescaled by 2¹²⁸ as they shrink, the exponent kept apart.
/// </summary>
internal static class KolmogorovPomeranz
{
    private const int ScaleExponent = 128;

    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);

    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    public static double Cdf(int n, double x)
    {
        double t = n * x;
        int ll = (int)Math.Floor(t);
        double f = t - ll;
        double g = Math.Min(f, 1.0 - f);
        int ceilF = f > 0 ? 1 : 0;
        int roundF = f > 0.5 ? 1 : 0;
        int powers = 2 * (ll + 1);

        double[] gPower = new double[powers];
        double[] twoGPower = new double[powers];
        double[] oneMinusTwoGPower = new double[powers];
        gPower[0] = twoGPower[0] = oneMinusTwoGPower[0] = 1.0;
        double gOverN = g / n, twoGOverN = 2 * g / n, oneMinusTwoGOverN = (1 - (2 * g)) / n;
        for (int m = 1; m < powers; m++)
        {
            gPower[m] = gPower[m - 1] * gOverN / m;
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / m;
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / m;
        }

        double[] previous = new double[powers];
        double[] current = new double[powers];
        current[0] = 1;
        int previousStart = 0, currentStart = 0;
        int exponent = 0;

        (int j1, int _) = Bounds(0, n, ll, ceilF, roundF);
        for (int i = 1; i <= (2 * n) + 1; i++)
        {
            int k1 = j1;
            (previous, current) = (current, previous);
            (previousStart, currentStart) = (currentStart, previousStart);
            Array.Clear(current);
            (j1, int j2) = Bounds(i, n, ll, ceilF, roundF);
            double[] steps = i == 1 || i == (2 * n) + 1 ? gPower : i % 2 == 1 ? twoGPower : oneMinusTwoGPower;
            int length = j2 - k1 + 1;
            if (length <= 0)
            {
                continue;
            }

            // current[0 … j2 − j1] = (previous[k1 …] ⊛ steps)[j1 − k1 …], previous read as 0 past its end.
            int offset = k1 - previousStart;
            int from = j1 - k1;
            int count = j2 - j1 + 1;
            double max = 0;
            for (int c = 0; c < count; c++)
            {
                int lag = from + c;
                double sum = 0;
                for (int a = Math.Max(0, lag - (length - 1)); a <= Math.Min(lag, length - 1); a++)
                {
                    int index = offset + a;
                    if (index >= 0 && index < previous.Length)
                    {
                        sum += previous[index] * steps[lag - a];
                    }
                }

                current[c] = sum;
                max = Math.Max(max, sum);
            }

            if (max > 0 && max < Small)
            {
                for (int c = 0; c < count; c++)
                {
                    current[c] *= Big;
                }

                exponent -= ScaleExponent;
            }

            currentStart = previousStart + j1 - k1;
        }

        double answer = current[n - currentStart];
        for (int m = 1; m <= n; m++)
        {
            if (Math.Abs(answer) > Big)
            {
                answer *= Small;
                exponent += ScaleExponent;
            }

            answer *= m;
        }

        return exponent == 0 ? answer : Math.ScaleB(answer, exponent);
    }

    // The band of row i that can be non-zero.
    private static (int J1, int J2) Bounds(int i, int n, int ll, int ceilF, int roundF)
    {
        int j1, j2;
        if (i == 0)
        {
            j1 = -ll - ceilF - 1;
            j2 = ll + ceilF - 1;
        }
        else
        {
            int half = (i + 1) / 2;
            if ((i + 1) % 2 == 0)
            {
                if (half == n + 1)
                {
                    j1 = n - ll - ceilF - 1;
                    j2 = n + ll + ceilF - 1;
                }
                else
                {
                    j1 = half - 1 - ll - roundF - 1;
                    j2 = half + ll - 1 + ceilF - 1;
                }
            }
            else
            {
                j1 = half - 1 - ll - 1;
                j2 = half + ll + roundF - 1;
            }
        }

        return (Math.Max(j1 + 2, 0), Math.Min(j2, n));
    }
}
