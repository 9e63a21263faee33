using System.Reflection;
using System.Text.Json.Serialization;

namespace MLOps.Core.Json;

/// <summary>
/// The strings an enum is written as (member name unless renamed), as schemas list them, and the further
/// spellings a member accepts on input (<see cref="JsonEnumAliasAttribute"/>).
/// </summary>
public static class JsonEnumNames
{
    public static IReadOnlyList<string> Of(Type enumType) => Members(enumType).Select(m => m.Name).ToArray();

    /// <summary>The names for a message: "Grid, Random, Bayesian (or TPE), Genetic".</summary>
    public static string Describe(Type enumType) => string.Join(", ", Members(enumType).Select(m =>
        m.Aliases.Count == 0 ? m.Name : $"{m.Name} (or {string.Join(", ", m.Aliases)})"));

    /// <summary>The name <paramref name="value"/> is written as.</summary>
    public static string NameOf(Type enumType, object value) =>
        Members(enumType).FirstOrDefault(m => m.Value.Equals(value)).Name ?? value.ToString()!;

    /// <summary>Reads a name or alias; numbers are never names, so clients cannot depend on declaration order.</summary>
    public static bool TryParse(Type enumType, string? text, bool ignoreCase, out object? value)
    {
        StringComparison comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        (string Name, IReadOnlyList<string> Aliases, object Value) match = Members(enumType)
            .FirstOrDefault(m => string.Equals(m.Name, text, comparison) || m.Aliases.Any(a => string.Equals(a, text, comparison)));
        value = match.Value;
        return match.Name is not null;
    }

    private static IEnumerable<(string Name, IReadOnlyList<string> Aliases, object Value)> Members(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (
            f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name,
            (IReadOnlyList<string>)f.GetCustomAttributes<JsonEnumAliasAttribute>().Select(a => a.Alias).ToArray(),
            f.GetValue(null)!));
}

/// <summary>Another spelling an enum member is read from (never written), e.g. TPE for the Bayesian search.</summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
public sealed class JsonEnumAliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}
