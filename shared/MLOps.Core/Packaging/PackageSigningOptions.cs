namespace MLOps.Core.Packaging;

/// <summary>
/// Where the package signing key comes from (section <c>Packaging</c>). In Azure <see cref="SigningKeyPem"/> is a
/// Key Vault reference in the app settings; for local development, when it is empty, a key is generated on first
/// start and kept in <see cref="LocalKeyPath"/> (outside the repository, readable by the owner only).
/// </summary>
public sealed record PackageSigningOptions
{
    public const string SectionName = "Packaging";

    /// <summary>The PKCS#8 PEM of an ECDSA P-256 private key.</summary>
    public string? SigningKeyPem { get; init; }

    /// <summary>Where the generated development key lives; defaults to the user's local application data.</summary>
    public string? LocalKeyPath { get; init; }

    /// <summary>Public keys (SubjectPublicKeyInfo PEM) trusted besides the signing key's own, e.g. a retired key.</summary>
    public IReadOnlyList<string> TrustedPublicKeysPem { get; init; } = [];

    public string ResolvedLocalKeyPath => string.IsNullOrWhiteSpace(this.LocalKeyPath)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "mlops-functions", "package-signing-key.pem")
        : this.LocalKeyPath;
}
