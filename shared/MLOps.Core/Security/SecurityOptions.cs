namespace MLOps.Core.Security;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    public IList<ApiKeyOptions> ApiKeys { get; init; } = [];
}

/// <summary>
/// One API key. Give <see cref="KeySha256"/> (hex SHA-256 of the key) in shared configuration;
/// <see cref="Key"/> in clear is accepted for local development.
/// </summary>
public sealed class ApiKeyOptions
{
    public string Principal { get; set; } = string.Empty;

    public string? Key { get; set; }

    public string? KeySha256 { get; set; }

    public IList<Role> Roles { get; init; } = [];
}
