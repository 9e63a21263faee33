namespace MLOps.Core.Packaging;

/// <summary>
/// The model package's fixed names. A package is a folder of files; <see cref="ManifestFile"/> lists every other
/// file with its SHA-256, <see cref="SignatureFile"/> signs the manifest's exact bytes, and the package's digest
/// (its content address) is the SHA-256 of those bytes — so the digest names every byte of the package.
/// </summary>
public static class PackageFormat
{
    /// <summary>Raised when the layout or the meaning of a file changes; readers refuse versions they do not know.</summary>
    public const int Version = 1;

    public const string ManifestFile = "manifest.json";

    public const string SignatureFile = "manifest.sig";

    /// <summary>The one algorithm packages are signed with: ECDSA on P-256 over SHA-256, IEEE P1363 signature bytes.</summary>
    public const string SignatureAlgorithm = "ECDSA-P256-SHA256";
}
