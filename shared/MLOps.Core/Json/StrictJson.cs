using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MLOps.Core.Json;

/// <summary>
/// Reads a request body or event payload strictly: within <see cref="JsonLimits"/>, a JSON object, checked
/// against the target's contract first (so every problem is named by its path: unknown members, missing or null
/// required ones, numbers sent as strings, out-of-range numbers, unknown enum names), and only then deserialized.
/// </summary>
public static class StrictJson
{
    /// <summary>Names not numbers, no numbers from strings, no unknown members, required constructor parameters enforced.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static T? Read<T>(string text, out IReadOnlyList<string> problems)
        where T : class =>
        (T?)Read(text, typeof(T), out problems);

    /// <summary>The value, or null with every problem found, each as <c>path: what is wrong</c>.</summary>
    public static object? Read(string text, Type type, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(type);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: JsonLimits.Body);
        }
        catch (JsonException e)
        {
            problems = [JsonLimits.Describe(e)];
            return null;
        }

        return Read(root, type, out problems);
    }

    /// <summary>As <see cref="Read(string, Type, out IReadOnlyList{string})"/>, for a node already parsed within the limits.</summary>
    public static object? Read(JsonNode? node, Type type, out IReadOnlyList<string> problems, string path = JsonPaths.Root)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (node is not JsonObject obj)
        {
            problems = [$"{path}: must be a JSON object"];
            return null;
        }

        var found = new List<string>();
        JsonObject copy = obj.DeepClone().AsObject();
        new JsonShapeChecker(Options, (p, m) => found.Add($"{p}: {m}"), ignoreCase: true).CheckObject(copy, type, path);
        if (found.Count > 0)
        {
            problems = found;
            return null;
        }

        try
        {
            object? value = copy.Deserialize(type, Options);
            problems = value is null ? [$"{path}: must be a JSON object"] : [];
            return value;
        }
        catch (JsonException e)
        {
            // Not expected once the contract check passed; still named by its path, never by a type.
            problems = [$"{(e.Path is { } p ? path + p.TrimStart('$') : path)}: is not valid"];
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
            Converters = { new AliasedEnumConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
