namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The exact two-sided two-sample K-S tail P(D ≥ h/lcm(n₁, n₂)) under the null: the share of the C(n₁ + n₂, n₁)
/// equally likely lattice paths from (0, 0) to (m, n) that touch |i·n/g − j·m/g| ≥ h somewhere (Hodges 1958).
/// The share v(i, j) of paths to (i, j) that have touched the boundary obeys
/// v(i, j) = (i·v(i − 1, j) + j·v(i, j − 1)) / (i + j), with v = 1 on the boundary and beyond; computing the tail
/// itself rather than 1 − (share inside) keeps tiny p-values exact (Viehmann 2021, arXiv:2102.08037). Only the
/// band of each column inside the boundary is stored and updated.
/// </summary>
internal static class TwoSampleKolmogorovExact
{
    public static double Survival(int n1, int n2, long h)
    {
        int m = Math.Max(n1, n2), n = Math.Min(n1, n2);
        long g = Gcd(m, n);
        long mg = m / g, ng = n / g;

        // column[j] holds v(i, j) for the current column i; entries outside the band stay 1.
        double[] column = new double[n + 1];
        Array.Fill(column, 1.0);
        (int lo, int hi) = Band(0, mg, ng, h, n);
        for (int j = lo; j <= hi; j++)
        {
            column[j] = 0;
        }

        for (int i = 1; i <= m; i++)
        {
            (lo, hi) = Band(i, mg, ng, h, n);
            if (hi < lo)
            {
                return 1.0;
            }

            // v(i, lo − 1) lies on or beyond the boundary; v(i − 1, j) above the previous band was never inside.
            double below = 1.0;
            for (int j = lo; j <= hi; j++)
            {
                double value = j == 0 ? column[0] : ((i * column[j]) + (j * below)) / (i + j);
                column[j] = value;
                below = value;
            }

            // Entries below the band are never read again: the band only moves up as i grows.
        }

        return column[n];
    }

    // Inside the boundary: −h < ng·i − mg·j < h, i.e. (ng·i − h)/mg < j < (ng·i + h)/mg.
    private static (int Lo, int Hi) Band(long i, long mg, long ng, long h, int n)
    {
        long lo = FloorDiv((ng * i) - h, mg) + 1;
        long hi = CeilDiv((ng * i) + h, mg) - 1;
        return ((int)Math.Max(lo, 0), (int)Math.Min(hi, n));
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);

    private static long CeilDiv(long a, long b) => -FloorDiv(-a, b);

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
