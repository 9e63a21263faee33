using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// The JSON shape of data-engineering contracts (profiles, partial profiles, rules, reports): camel case and
/// enums by name, so payloads between activities and reports on disk read the same and survive enum reordering.
/// </summary>
public static class DataEngineeringJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), Serialization.FiniteNumberConverter.Instance },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The JSON is null, not a {typeof(T).Name}.");
}
