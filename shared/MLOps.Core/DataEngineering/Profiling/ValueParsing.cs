using System.Globalization;

namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>Invariant-culture parsing of field text, shared so inference and validation agree on what a value is.</summary>
public static class ValueParsing
{
    // Only ISO 8601 shapes: the invariant culture's lenient DateTime.TryParse reads "1.5" as 5 January of this year.
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    /// <summary>One of the <see cref="BooleanValues"/> spellings (true/false, yes/no, y/n, t/f, 1/0, any case).</summary>
    public static bool IsBoolean(string value) => BooleanValues.TryParse(value, out _);

    public static bool IsInteger(string value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);

    /// <summary>A finite double; NaN and infinities are not data a statistic can use.</summary>
    public static bool TryReal(string value, out double result) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out result) && double.IsFinite(result);

    /// <summary>An ISO 8601 date or date-time, read as UTC when it carries no offset.</summary>
    public static bool TryDateTime(string value, out DateTime result) =>
        DateTime.TryParseExact(
            value.Trim(),
            DateFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out result);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
