using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// The missing-value semantics of features, one place for fitting and encoding. A feature value is a double and
/// NaN means missing (in memory, in Parquet and online); a feature never holds ±∞. Missing: an empty field, a
/// field that is not a number (or true/false) where a number is needed, a number outside double's range or
/// written as "NaN"/"Infinity", and any transform result that is not finite (a zero denominator, the log of
/// x + offset ≤ 0, an overflow). Indicators (one-hot, hashing) are all zeros for a missing value.
/// </summary>
public static class FeatureValues
{
    /// <summary>The number in a field; NaN when it is missing, not a number, or not finite.</summary>
    public static double Number(string raw)
    {
        if (MissingValues.IsMissing(raw))
        {
            return double.NaN;
        }

        if (ValueParsing.TryReal(raw, out double x))
        {
            return x;
        }

        return BooleanValues.TryParse(raw, out bool b) ? (b ? 1 : 0) : double.NaN;
    }

    /// <summary>A transform result as a feature value: itself when finite, else NaN (missing).</summary>
    public static double Finite(double value) => double.IsFinite(value) ? value : double.NaN;
}
