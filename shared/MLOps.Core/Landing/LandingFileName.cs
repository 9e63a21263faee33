using System.Text.RegularExpressions;

namespace MLOps.Core.Landing;

/// <summary>
/// The names an upload may give a landed file: 1–128 letters, digits, '.', '_' or '-', starting with a letter or digit,
/// ending in <c>.csv</c> or <c>.parquet</c> (any case) — a single path segment, so it can only land directly under
/// <c>landing/{project}/</c>.
/// </summary>
public static partial class LandingFileName
{
    public static readonly IReadOnlyList<string> Extensions = [".csv", ".parquet"];

    public static IReadOnlyList<string> Problems(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName) || !Safe().IsMatch(fileName) || fileName.Contains("..", StringComparison.Ordinal))
        {
            return ["fileName must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit, without '..'"];
        }

        return Extensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            ? []
            : [$"fileName must end in {string.Join(" or ", Extensions)}"];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex Safe();
}
