namespace MLOps.Core.Integration;

/// <summary>
/// The one rule for comparing two numbers that should be equal (package against tracked scores, package against
/// offline features): two NaNs agree (both say "missing"), two equal infinities agree, and any other non-finite
/// pairing differs by +∞ so it can never pass a bound.
/// </summary>
internal static class Differences
{
    /// <summary>|a − b| under the non-finite rule.</summary>
    public static double Absolute(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.IsNaN(a) && double.IsNaN(b) ? 0 : double.PositiveInfinity;
        }

        if (double.IsInfinity(a) || double.IsInfinity(b))
        {
            return a.Equals(b) ? 0 : double.PositiveInfinity;
        }

        return Math.Abs(a - b);
    }

    /// <summary>|a − reference| / max(1, |reference|): relative for large values, absolute near zero.</summary>
    public static double Scaled(double a, double reference)
    {
        double difference = Absolute(a, reference);
        return double.IsFinite(reference) ? difference / Math.Max(1, Math.Abs(reference)) : difference;
    }
}
