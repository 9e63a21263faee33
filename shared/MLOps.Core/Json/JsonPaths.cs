using System.Text.RegularExpressions;

namespace MLOps.Core.Json;

/// <summary>Builds the JSONPath-style locations that problems carry (<c>$.search[0].trials</c>).</summary>
public static partial class JsonPaths
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        PlainName().IsMatch(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>Whether a problem at <paramref name="inner"/> is a consequence of one at <paramref name="outer"/>.</summary>
    public static bool Covers(string outer, string inner) =>
        inner == outer
        || inner.StartsWith(outer + ".", StringComparison.Ordinal)
        || inner.StartsWith(outer + "[", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainName();
}
