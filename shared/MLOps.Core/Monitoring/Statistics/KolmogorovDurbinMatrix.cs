namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// P(Dₙ ≤ d) by Durbin's (1968) matrix: with d = (k − h)/n, k a positive integer and 0 ≤ h &lt; 1, the probability
/// is n!/nⁿ times the (k, k) entry of Hⁿ, H of order m = 2k − 1 (Marsaglia, Tsang and Wang 2003). Powers are taken
/// by squaring with the exponent kept apart (scaled by 2¹²⁸ when the entries grow), so large n cannot overflow.
/// </summary>
internal static class KolmogorovDurbinMatrix
{
    private const int ScaleExponent = 128;

    private static readonly double Big = Math.ScaleB(1.0, ScaleExponent);

    private static readonly double Small = Math.ScaleB(1.0, -ScaleExponent);

    public static double Cdf(int n, double d)
    {
        if (d >= 1)
        {
            return 1;
        }

        double nd = n * d;
        if (nd <= 0.5)
        {
            return 0;
        }

        int k = (int)Math.Ceiling(nd);
        double h = k - nd;
        int m = (2 * k) - 1;
        double[] matrix = Initial(m, h);

        double[] power = Identity(m);
        int exponent = 0;
        int matrixExponent = 0;
        int remaining = n;
        while (remaining > 0)
        {
            if (remaining % 2 == 1)
            {
                power = Multiply(power, matrix, m);
                exponent += matrixExponent;
            }

            matrix = Multiply(matrix, matrix, m);
            matrixExponent *= 2;
            int centre = ((k - 1) * m) + (k - 1);
            if (Math.Abs(matrix[centre]) > Big)
            {
                for (int i = 0; i < matrix.Length; i++)
                {
                    matrix[i] /= Big;
                }

                matrixExponent += ScaleExponent;
            }

            remaining /= 2;
        }

        double p = power[((k - 1) * m) + (k - 1)];

        // Times n!/nⁿ, one factor i/n at a time.
        for (int i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < Small)
            {
                p *= Big;
                exponent -= ScaleExponent;
            }
        }

        return exponent == 0 ? p : Math.ScaleB(p, exponent);
    }

    // H[i, j] = 1/(i − j + 1)! on and below the superdiagonal; the first column and last row hold
    // (1 − h^(i+1))/(i+1)!, and the corner (1 − 2hᵐ + max(0, 2h − 1)ᵐ)/m!.
    private static double[] Initial(int m, double h)
    {
        double[] v = new double[m];
        double[] w = new double[m];
        double factorial = 1.0;
        for (int j = 1; j <= m; j++)
        {
            w[j - 1] = factorial;
            factorial /= j;
            v[j - 1] = (1.0 - Math.Pow(h, j)) * factorial;
        }

        double corner = Math.Pow(Math.Max((2 * h) - 1.0, 0), m) - (2 * Math.Pow(h, m));
        v[m - 1] = (1.0 + corner) * factorial;

        double[] matrix = new double[m * m];
        for (int col = 1; col < m; col++)
        {
            for (int row = col - 1; row < m; row++)
            {
                matrix[(row * m) + col] = w[row - col + 1];
            }
        }

        for (int row = 0; row < m; row++)
        {
            matrix[row * m] = v[row];
        }

        for (int col = 0; col < m; col++)
        {
            matrix[((m - 1) * m) + col] = v[m - 1 - col];
        }

        return matrix;
    }

    private static double[] Identity(int m)
    {
        double[] identity = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            identity[(i * m) + i] = 1;
        }

        return identity;
    }

    private static double[] Multiply(double[] a, double[] b, int m)
    {
        double[] product = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            for (int l = 0; l < m; l++)
            {
                double ail = a[(i * m) + l];
                if (ail == 0)
                {
                    continue;
                }

                for (int j = 0; j < m; j++)
                {
                    product[(i * m) + j] += ail * b[(l * m) + j];
                }
            }
        }

        return product;
    }
}
