using System.Globalization;

namespace MLOps.Core.Registry;

/// <summary>
/// MLflow's model URIs: <c>models:/{name}/{version}</c> or <c>models:/{name}@{alias}</c>. Exactly one of
/// <see cref="Version"/> and <see cref="Alias"/> is set.
/// </summary>
public sealed record ModelUri
{
    private const string Scheme = "models:/";

    private ModelUri(string name, int? version, string? alias)
    {
        this.Name = name;
        this.Version = version;
        this.Alias = alias;
    }

    public string Name { get; }

    public int? Version { get; }

    public string? Alias { get; }

    public static ModelUri ForVersion(string name, int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new ModelUri(ModelAliases.ValidateModelName(name), version, null);
    }

    public static ModelUri ForAlias(string name, string alias) =>
        new(ModelAliases.ValidateModelName(name), null, ModelAliases.Validate(alias));

    public static ModelUri Parse(string uri) =>
        TryParse(uri, out ModelUri? parsed)
            ? parsed
            : throw new FormatException($"'{uri}' is not a model URI: use models:/{{name}}/{{version}} or models:/{{name}}@{{alias}}.");

    public static bool TryParse(string? uri, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelUri? parsed)
    {
        parsed = null;
        if (uri is null || !uri.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        string rest = uri[Scheme.Length..];
        int at = rest.IndexOf('@', StringComparison.Ordinal);
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (at >= 0 && slash < 0)
        {
            string name = rest[..at], alias = rest[(at + 1)..];
            if (ModelAliases.IsValidModelName(name) && ModelAliases.IsValid(alias))
            {
                parsed = new ModelUri(name, null, alias);
            }
        }
        else if (slash >= 0 && at < 0)
        {
            string name = rest[..slash], version = rest[(slash + 1)..];
            if (ModelAliases.IsValidModelName(name)
                && version.All(char.IsAsciiDigit)
                && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out int number)
                && number >= 1)
            {
                parsed = new ModelUri(name, number, null);
            }
        }

        return parsed is not null;
    }

    public override string ToString() =>
        this.Alias is not null
            ? $"{Scheme}{this.Name}@{this.Alias}"
            : string.Create(CultureInfo.InvariantCulture, $"{Scheme}{this.Name}/{this.Version}");
}
