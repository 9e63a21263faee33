namespace MLOps.Core.Packaging;

/// <summary>
/// Where packages are kept, each under its digest (PACKAGE.md, Storage). A package is visible iff its
/// <see cref="PackageFormat.SignatureFile"/> exists: <see cref="PublishAsync"/> writes the files, then the manifest,
/// then the signature create-if-absent, so a half-written package is never visible and a second publication of
/// the same digest changes nothing. Reads are raw: <see cref="ModelPackageReader"/> verifies.
/// </summary>
public interface IModelPackageStore
{
    /// <summary>Writes a package; false when a package with this digest was already visible (nothing of it was rewritten).</summary>
    Task<bool> PublishAsync(string digest, IReadOnlyList<PackageEntry> files, BinaryData manifest, BinaryData signature, CancellationToken cancellationToken = default);

    /// <summary>Whether the package is visible (its signature exists).</summary>
    Task<bool> ExistsAsync(string digest, CancellationToken cancellationToken = default);

    /// <summary>Opens a file of the package's folder; null when there is none.</summary>
    Task<Stream?> OpenAsync(string digest, string path, CancellationToken cancellationToken = default);

    /// <summary>Every path in the package's folder, visible or not.</summary>
    Task<IReadOnlyList<string>> ListAsync(string digest, CancellationToken cancellationToken = default);
}
