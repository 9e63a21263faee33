using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace MLOps.Core.Requirements;

/// <summary>The canonical JSON form of a <see cref="ProjectSpec"/>: camelCase, enums as strings.</summary>
public static class ProjectSpecJson
{
    public static JsonSerializerOptions Options { get; } = Create(lenient: false);

    /// <summary>
    /// Reads a spec with required members missing (left null/default) so that the validator can report every
    /// problem at once instead of the serializer's first one.
    /// </summary>
    internal static JsonSerializerOptions Lenient { get; } = Create(lenient: true);

    public static string Serialize(ProjectSpec spec) => JsonSerializer.Serialize(spec, Options);

    /// <summary>Validates and reads a spec; throws <see cref="InvalidDataException"/> listing every problem.</summary>
    public static ProjectSpec Parse(string json) => ProjectSpecValidator.ValidateJson(json).GetSpecOrThrow();

    /// <summary>SHA-256 of the canonical form, so later pipelines can record which spec version gated them.</summary>
    public static string Sha256(ProjectSpec spec) =>
        ContentHash.Sha256(Serialize(spec));

    private static JsonSerializerOptions Create(bool lenient)
    {
        DefaultJsonTypeInfoResolver resolver = new();
        if (lenient)
        {
            resolver.Modifiers.Add(info =>
            {
                foreach (JsonPropertyInfo property in info.Properties)
                {
                    property.IsRequired = false;
                }
            });
        }

        JsonSerializerOptions options = new(JsonSerializerDefaults.Web)
        {
            // Web defaults read numbers from strings; a spec says 0.8, not "0.8", as its schema does.
            NumberHandling = JsonNumberHandling.Strict,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = true,
            WriteIndented = true,
            TypeInfoResolver = resolver,
            Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
        };
        options.MakeReadOnly();
        return options;
    }
}
