using System.Reflection;
using System.Text.Json.Serialization;

namespace MLOps.Core.Requirements;

/// <summary>The strings an enum is written as in a spec (member name unless renamed), as the schema lists them.</summary>
internal static class JsonEnumNames
{
    public static IReadOnlyList<string> Of(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name)
            .ToArray();
}
