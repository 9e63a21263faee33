using System.Text.Json;
using System.Text.Json.Serialization;
using MLOps.Core.Serialization;

namespace MLOps.Core.Packaging;

/// <summary>
/// The JSON of a package's own files (package.json, feature-contract.json): camelCase, enums by name, nulls left out,
/// non-finite numbers as null (<see cref="FiniteJson"/>), indented with "\n" on every OS — the bytes are hashed into
/// the package's digest, so they must not depend on where the package was built.
/// </summary>
public static class PackageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static byte[] ToBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Reads a package file; <see cref="InvalidDataException"/> naming the file when it is not what it should be.</summary>
    public static T Read<T>(ReadOnlySpan<byte> bytes, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, Options) ?? throw new InvalidDataException($"'{file}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{file}' is not valid: {e.Message}", e);
        }
    }

    private static JsonSerializerOptions Create()
    {
        JsonSerializerOptions options = FiniteJson.AddTo(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NewLine = "\n",
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = 16,
            Converters = { new JsonStringEnumConverter() },
        });
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
