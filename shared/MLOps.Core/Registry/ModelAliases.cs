using System.Text.RegularExpressions;

namespace MLOps.Core.Registry;

/// <summary>Alias names: lower-case, start with a letter, at most 63 characters, so they read well in URIs and keys.</summary>
public static partial class ModelAliases
{
    /// <summary>The version production serves; moving it is gated by the project's approval policy.</summary>
    public const string Champion = "champion";

    public const string Challenger = "challenger";

    public static bool IsValid(string? alias) => alias is not null && AliasPattern().IsMatch(alias);

    public static string Validate(string? alias) =>
        IsValid(alias)
            ? alias!
            : throw new ArgumentException($"'{alias}' is not an alias: use ^[a-z][a-z0-9-]{{0,62}}$ (e.g. 'champion').", nameof(alias));

    /// <summary>Model names become part of table keys and URIs, so '/', '@', '|' and spaces are kept out.</summary>
    public static bool IsValidModelName(string? name) => name is not null && ModelNamePattern().IsMatch(name);

    public static string ValidateModelName(string? name) =>
        IsValidModelName(name)
            ? name!
            : throw new ArgumentException($"'{name}' is not a model name: use ^[A-Za-z0-9][A-Za-z0-9._-]{{0,127}}$.", nameof(name));

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex ModelNamePattern();
}
