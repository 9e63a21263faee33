namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The Pelz–Good (1976) approximation of P(Dₙ ≤ x): the Li-Chien/Korolyuk expansion
/// K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^(3/2), z = x√n, with each term rewritten through Jacobi's theta identity
/// into sums over q = exp(−π²/(8z²)) that converge fast for the small z where it is used.
/// </summary>
internal static class KolmogorovPelzGood
{
    private static readonly double SqrtTwoPi = Math.Sqrt(2 * Math.PI);

    private const double PiSquared = Math.PI * Math.PI;

    private const double PiFour = PiSquared * PiSquared;

    private const double PiSix = PiFour * PiSquared;

    private const double MinLog = -708;

    public static double Cdf(int n, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        double z = Math.Sqrt(n) * x;
        double z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
        double qlog = -PiSquared / 8 / z2;
        if (qlog < MinLog)
        {
            return 0;
        }

        double q = Math.Exp(qlog);

        double k1a = -z2;
        double k1b = PiSquared / 4;
        double k2a = (6 * z6) + (2 * z4);
        double k2b = ((2 * z4) - (5 * z2)) * PiSquared / 4;
        double k2c = PiFour * (1 - (2 * z2)) / 16;
        double k3d = PiSix * (5 - (30 * z2)) / 64;
        double k3c = PiFour * ((-60 * z2) + (212 * z4)) / 16;
        double k3b = PiSquared * ((135 * z4) - (96 * z6)) / 4;
        double k3a = (-30 * z6) - (90 * Math.Pow(z, 8));

        // Σ over odd m = 2k − 1 of cᵢ(m) q^(m²), by Horner in q⁸ᵏ from the largest k down.
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (int k = maxK; k >= 1; k--)
        {
            double m = (2 * k) - 1;
            double m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
            double qPower = Math.Pow(q, 8 * k);
            s0 = (s0 * qPower) + 1.0;
            s1 = (s1 * qPower) + k1a + (k1b * m2);
            s2 = (s2 * qPower) + k2a + (k2b * m2) + (k2c * m4);
            s3 = (s3 * qPower) + k3a + (k3b * m2) + (k3c * m4) + (k3d * m6);
        }

        double scale = q * SqrtTwoPi;
        s0 = s0 * scale / z;
        s1 = s1 * scale / (6 * z4);
        s2 = s2 * scale / (72 * Math.Pow(z, 7));
        s3 = s3 * scale / (6480 * Math.Pow(z, 10));

        // The remaining sums over all integers k of K₂ and K₃: terms in exp(−π² k² / (2z²)).
        double q2 = Math.Exp(-PiSquared / 2 / z2);
        double k2Extra = 0, k3Extra = 0;
        double sqrt3z = Math.Sqrt(3) * z;
        for (int k = maxK; k >= 1; k--)
        {
            double kk = (double)k * k;
            double qp = Math.Pow(q2, kk);
            double kPi = Math.PI * k;
            k2Extra += kk * qp;
            k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * kk * qp;
        }

        s2 += k2Extra * PiSquared * SqrtTwoPi / (-36 * z3);
        s3 += k3Extra * PiSquared * SqrtTwoPi / (216 * z6);

        return s0 + (s1 / Math.Sqrt(n)) + (s2 / n) + (s3 / Math.Pow(n, 1.5));
    }
}
