using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace MLOps.Core.Registry.Mlflow;

/// <summary>Reads back what <see cref="MlflowModelDirectory.MLmodel"/> writes (and what <c>mlflow.onnx.save_model</c> writes).</summary>
public static class MlflowModelReader
{
    /// <exception cref="InvalidDataException">The text is not an MLmodel with a tensor signature.</exception>
    public static MlflowModelInfo Read(string mlmodel)
    {
        ArgumentNullException.ThrowIfNull(mlmodel);
        Dictionary<object, object?>? root;
        try
        {
            root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(mlmodel);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"MLmodel is not valid YAML: {e.Message}", e);
        }

        if (root is null || root.GetValueOrDefault("signature") is not Dictionary<object, object?> signature)
        {
            throw new InvalidDataException("MLmodel has no signature.");
        }

        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (root.GetValueOrDefault("metadata") is Dictionary<object, object?> meta)
        {
            foreach ((object key, object? value) in meta)
            {
                metadata[Convert.ToString(key, CultureInfo.InvariantCulture)!] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        return new MlflowModelInfo(
            Tensors(signature.GetValueOrDefault("inputs"), "inputs"),
            Tensors(signature.GetValueOrDefault("outputs"), "outputs"),
            root.GetValueOrDefault("run_id") as string,
            metadata);
    }

    /// <summary>MLflow's Schema.to_json: a JSON list of tensor specs, kept in the YAML as a string.</summary>
    private static MlflowTensor[] Tensors(object? schema, string which)
    {
        if (schema is not string json)
        {
            throw new InvalidDataException($"MLmodel's signature has no {which}.");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return [.. document.RootElement.EnumerateArray().Select(t =>
            {
                JsonElement spec = t.GetProperty("tensor-spec");
                return new MlflowTensor(
                    t.TryGetProperty("name", out JsonElement name) ? name.GetString() ?? string.Empty : string.Empty,
                    [.. spec.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64())],
                    spec.GetProperty("dtype").GetString() ?? string.Empty);
            })];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"MLmodel's signature {which} are not a tensor schema: {e.Message}", e);
        }
    }
}
