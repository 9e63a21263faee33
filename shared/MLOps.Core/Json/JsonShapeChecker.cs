using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace MLOps.Core.Json;

/// <summary>
/// Checks JSON against the serializer's own contract for a type (property names, required members, nullability,
/// numbers and their ranges, enum names, the discriminator of polymorphic records), so checker and serializer
/// cannot drift, and names every problem by its JSON path in words a client understands (never a .NET type).
/// It removes what it rejects, so the remainder can still be read and checked for meaning. With
/// <c>ignoreCase</c>, member and enum names match in any case (as the serializer's web defaults read them), and a
/// member given twice in different cases is refused.
/// </summary>
public sealed class JsonShapeChecker(JsonSerializerOptions options, Action<string, string> report, bool ignoreCase = false)
{
    /// <summary>Checks <paramref name="root"/> as a <paramref name="type"/> at <paramref name="path"/>; false when nothing of it could be kept.</summary>
    public bool Check(JsonNode node, Type type, string path)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        JsonTypeInfo info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => this.CheckObject(node, type, path),
            JsonTypeInfoKind.Enumerable => this.CheckArray(node, info.ElementType!, path),
            JsonTypeInfoKind.Dictionary => this.CheckDictionary(node, info.KeyType!, info.ElementType!, path),
            _ => this.CheckScalar(node, type, path),
        };
    }

    public bool CheckObject(JsonNode node, Type type, string path)
    {
        if (node is not JsonObject obj)
        {
            return this.Add(path, "must be an object");
        }

        JsonTypeInfo info = options.GetTypeInfo(type);
        string? discriminator = null;
        if (info.PolymorphismOptions is { } polymorphism)
        {
            discriminator = polymorphism.TypeDiscriminatorPropertyName;
            string kindPath = JsonPaths.Property(path, discriminator);
            string[] kinds = polymorphism.DerivedTypes.Select(d => (string)d.TypeDiscriminator!).ToArray();
            obj.TryGetPropertyValue(discriminator, out JsonNode? kindNode);
            string? kind = kindNode?.GetValueKind() == JsonValueKind.String ? kindNode.GetValue<string>() : null;
            JsonDerivedType derived = polymorphism.DerivedTypes.FirstOrDefault(d => (string?)d.TypeDiscriminator == kind);
            if (derived.DerivedType is null)
            {
                return this.Add(kindPath, $"{(kindNode is null ? "is required" : "is not known")}; one of: {string.Join(", ", kinds)}");
            }

            info = options.GetTypeInfo(derived.DerivedType);
        }

        // [JsonIgnore] members (derived values such as ColumnRule.IsNumeric) stay in the contract without accessors.
        JsonPropertyInfo[] members = [.. info.Properties.Where(p => p.Get is not null || p.Set is not null)];
        foreach (JsonPropertyInfo property in members.Where(p => p.IsRequired && !obj.Any(m => string.Equals(m.Key, p.Name, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))))
        {
            this.Add(JsonPaths.Property(path, property.Name), "is required");
        }

        StringComparer names = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        Dictionary<string, JsonPropertyInfo> known = members.ToDictionary(p => p.Name, names);
        var seen = new HashSet<string>(names);
        foreach ((string name, JsonNode? value) in obj.ToList())
        {
            string memberPath = JsonPaths.Property(path, name);
            bool valid = !seen.Add(name) ? this.Add(memberPath, "is given twice")
                : name == discriminator || this.CheckMember(known.GetValueOrDefault(name), value, memberPath);
            if (!valid)
            {
                obj.Remove(name);
            }
        }

        return true;
    }

    private bool CheckMember(JsonPropertyInfo? property, JsonNode? value, string path) =>
        property is null ? this.Add(path, "is not a known property")
        : value is null ? property.IsSetNullable || this.Add(path, "must not be null")
        : this.Check(value, property.PropertyType, path);

    private bool CheckArray(JsonNode node, Type elementType, string path)
    {
        if (node is not JsonArray array)
        {
            return this.Add(path, "must be an array");
        }

        bool allValid = true;
        for (int i = 0; i < array.Count; i++)
        {
            string itemPath = JsonPaths.Index(path, i);
            JsonNode? item = array[i];
            if (item is null ? this.Add(itemPath, "must not be null") : !this.Check(item, elementType, itemPath))
            {
                allValid = false;
                array[i] = null;
            }
        }

        // A null in a list of numbers cannot be read at all; drop the list. Lists of records keep their valid items.
        return allValid || !elementType.IsValueType;
    }

    private bool CheckDictionary(JsonNode node, Type keyType, Type valueType, string path)
    {
        if (node is not JsonObject obj)
        {
            return this.Add(path, "must be an object");
        }

        foreach ((string key, JsonNode? value) in obj.ToList())
        {
            string childPath = JsonPaths.Property(path, key);
            bool valid = keyType.IsEnum && !JsonEnumNames.TryParse(keyType, key, ignoreCase, out _)
                ? this.Add(childPath, $"is not known; one of: {JsonEnumNames.Describe(keyType)}")
                : value is null ? this.Add(childPath, "must not be null") : this.Check(value, valueType, childPath);
            if (!valid)
            {
                obj.Remove(key);
            }
        }

        return true;
    }

    private bool CheckScalar(JsonNode node, Type type, string path)
    {
        JsonElement element = node is JsonValue value && value.TryGetValue(out JsonElement e)
            ? e
            : JsonSerializer.SerializeToElement(node, options);
        JsonValueKind kind = element.ValueKind;
        if (type.IsEnum)
        {
            string given = kind == JsonValueKind.String ? $" (not '{Shorten(element.GetString()!)}')" : string.Empty;
            return (kind == JsonValueKind.String && JsonEnumNames.TryParse(type, element.GetString(), ignoreCase, out _))
                || this.Add(path, $"must be one of: {JsonEnumNames.Describe(type)}{given}");
        }

        return type == typeof(string) ? kind == JsonValueKind.String || this.Add(path, "must be a string")
            : type == typeof(bool) ? kind is JsonValueKind.True or JsonValueKind.False || this.Add(path, "must be true or false")
            : type == typeof(int) ? (kind == JsonValueKind.Number && element.TryGetInt32(out _)) || this.Add(path, "must be an integer from -2147483648 to 2147483647")
            : type == typeof(long) ? (kind == JsonValueKind.Number && element.TryGetInt64(out _)) || this.Add(path, "must be an integer from -9223372036854775808 to 9223372036854775807")
            : type == typeof(double) ? (kind == JsonValueKind.Number && element.TryGetDouble(out double d) && double.IsFinite(d)) || this.Add(path, "must be a number")
            : type == typeof(DateTimeOffset) ? (kind == JsonValueKind.String && element.TryGetDateTimeOffset(out _)) || this.Add(path, "must be an ISO 8601 time such as 2026-01-31T12:00:00Z")
            : type == typeof(JsonElement) || type == typeof(object) ? true
            : throw new NotSupportedException($"The JSON checker does not know how to check {type}.");
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";

    /// <summary>Records a problem; returns false so checks read as <c>ok || Add(...)</c>.</summary>
    private bool Add(string path, string message)
    {
        report(path, message);
        return false;
    }
}
