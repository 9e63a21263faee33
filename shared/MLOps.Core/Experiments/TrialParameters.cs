using System.Globalization;

namespace MLOps.Core.Experiments;

/// <summary>
/// Reads and writes trial parameters. Trials carry every value as an invariant string so that categorical choices and
/// numbers share one dictionary and round-trip through JSON and table storage without culture or precision surprises.
/// </summary>
public static class TrialParameters
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyDictionary<string, string> From(IReadOnlyDictionary<string, double> values) =>
        values.ToDictionary(kv => kv.Key, kv => Format(kv.Value), StringComparer.Ordinal);

    public static double? GetDouble(IReadOnlyDictionary<string, string> parameters, string name)
    {
        if (!parameters.TryGetValue(name, out string? text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"Parameter '{name}' = '{text}' is not a finite number.");
    }

    public static double GetDouble(IReadOnlyDictionary<string, string> parameters, string name, double fallback) =>
        GetDouble(parameters, name) ?? fallback;

    public static int? GetInt(IReadOnlyDictionary<string, string> parameters, string name)
    {
        // Samplers that treat integers as rounded floats may hand back "31.0"; accept whole values only.
        if (GetDouble(parameters, name) is not { } value)
        {
            return null;
        }

        return value == Math.Floor(value) && value >= int.MinValue && value <= int.MaxValue
            ? (int)value
            : throw new FormatException($"Parameter '{name}' = '{parameters[name]}' is not a whole number.");
    }

    public static int GetInt(IReadOnlyDictionary<string, string> parameters, string name, int fallback) =>
        GetInt(parameters, name) ?? fallback;

    public static string? GetString(IReadOnlyDictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out string? text) ? text : null;
}
