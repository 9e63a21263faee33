using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLOps.Core.Serialization;

/// <summary>
/// The one rule for non-finite numbers in every serialised record (metrics, scores, importance, fairness, input
/// examples, orchestration payloads, HTTP bodies): NaN and ±∞ are written as <c>null</c>, which JSON can carry and
/// System.Text.Json otherwise refuses with an exception, and <c>null</c> reads back as NaN (as null into a
/// <c>double?</c>, which then says "no value"). "Missing or undefined" is
/// what NaN means throughout the platform (a missing feature, an AUC of a one-class holdout, an F1 without positives),
/// so nothing is lost. Every shared <see cref="JsonSerializerOptions"/> of the platform gets these converters through
/// <see cref="AddTo"/>.
/// </summary>
public static class FiniteJson
{
    /// <summary>Web defaults (camelCase), enums by name, non-finite numbers as null; compact.</summary>
    public static JsonSerializerOptions Options { get; } = AddTo(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    });

    /// <summary>Adds the converters to options that are still being configured; returns them for chaining.</summary>
    public static JsonSerializerOptions AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new FiniteDoubleConverter());
        options.Converters.Add(new FiniteSingleConverter());
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static BinaryData ToBinaryData<T>(T value) => BinaryData.FromString(Serialize(value));

    /// <summary>A number, or null as NaN; strings only where the options allow them (web defaults do).</summary>
    internal static double ReadNumber(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return double.NaN;
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String when (options.NumberHandling & (JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals)) != 0
                && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed):
                return parsed;
            default:
                throw new JsonException($"Expected a number or null, found {reader.TokenType}.");
        }
    }
}
