using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// The scalar transforms, one place so offline building and online serving compute the same numbers. Each gives a
/// finite value or NaN (missing), never ±∞, whatever its inputs (see <see cref="FeatureValues"/>).
/// </summary>
public static class FeatureTransforms
{
    /// <summary>(x − mean) / std; 0 for a constant column (std 0), NaN for a missing or non-finite x or an overflow.</summary>
    public static double Standardize(double x, double mean, double standardDeviation) =>
        !double.IsFinite(x) ? double.NaN : standardDeviation > 0 ? FeatureValues.Finite((x - mean) / standardDeviation) : 0;

    /// <summary>ln(x + offset); NaN where that is not a finite logarithm (missing, x + offset ≤ 0, or not finite).</summary>
    public static double Log(double x, double offset) => x + offset > 0 ? FeatureValues.Finite(Math.Log(x + offset)) : double.NaN;

    /// <summary>numerator / denominator; NaN when either is missing or not finite, the denominator is 0, or the quotient overflows.</summary>
    public static double Ratio(double numerator, double denominator) =>
        !double.IsFinite(numerator) || !double.IsFinite(denominator) || denominator == 0 ? double.NaN : FeatureValues.Finite(numerator / denominator);

    /// <summary>The right-closed bucket index: 0 for x ≤ b[0], i for b[i-1] &lt; x ≤ b[i], n for x &gt; b[n-1].</summary>
    public static double Bucket(double x, IReadOnlyList<double> boundaries)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        if (!double.IsFinite(x))
        {
            return double.NaN;
        }

        int bucket = 0;
        while (bucket < boundaries.Count && x > boundaries[bucket])
        {
            bucket++;
        }

        return bucket;
    }

    /// <summary>A calendar part of a UTC date-time; DayOfWeek counts from Sunday = 0, as .NET does.</summary>
    public static double DatePartOf(DateTime utc, DatePart part) => part switch
    {
        DatePart.Year => utc.Year,
        DatePart.Quarter => ((utc.Month - 1) / 3) + 1,
        DatePart.Month => utc.Month,
        DatePart.DayOfMonth => utc.Day,
        DatePart.DayOfWeek => (int)utc.DayOfWeek,
        DatePart.DayOfYear => utc.DayOfYear,
        DatePart.Hour => utc.Hour,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown date part."),
    };
}
