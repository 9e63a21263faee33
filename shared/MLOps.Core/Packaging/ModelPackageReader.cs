namespace MLOps.Core.Packaging;

/// <summary>
/// Opens a package by digest and verifies it before anything in it is used (<see cref="PackageVerifier"/>: the
/// signature by a trusted key, the manifest hashing to the digest asked for, every file's SHA-256, no unlisted
/// file), then reads <c>package.json</c> and <c>feature-contract.json</c>.
/// </summary>
public sealed class ModelPackageReader(IModelPackageStore store, PackageVerifier verifier)
{
    /// <summary>The verified package; null when no package has this digest (its signature does not exist).</summary>
    /// <exception cref="InvalidPackageException">The package exists but does not verify; the problem names the file.</exception>
    public async Task<ModelPackage?> OpenAsync(string digest, CancellationToken cancellationToken = default)
    {
        PackageDigests.Require(digest);
        byte[]? signature = await this.ReadAsync(digest, PackageFormat.SignatureFile, cancellationToken);
        if (signature is null)
        {
            return null;
        }

        byte[] manifestBytes = await this.ReadAsync(digest, PackageFormat.ManifestFile, cancellationToken)
            ?? throw new InvalidPackageException(digest, $"'{PackageFormat.ManifestFile}' is missing.");
        if (PackageManifest.DigestOf(manifestBytes) != digest)
        {
            throw new InvalidPackageException(digest, $"'{PackageFormat.ManifestFile}' does not hash to the package's digest.");
        }

        IReadOnlyList<string> listing = await store.ListAsync(digest, cancellationToken);
        PackageVerification verification = await verifier.VerifyAsync(
            manifestBytes, signature, (path, ct) => store.OpenAsync(digest, path, ct), listing, cancellationToken);
        if (!verification.Valid)
        {
            throw new InvalidPackageException(digest, verification.Problem!);
        }

        PackageManifest manifest = verification.Manifest!;
        try
        {
            PackageDescriptor descriptor = PackageDescriptor.Parse(await this.ReadListedAsync(digest, manifest, PackageLayout.Descriptor, cancellationToken));
            FeatureContract contract = FeatureContract.Parse(await this.ReadListedAsync(digest, manifest, PackageLayout.Contract, cancellationToken));
            if (descriptor.Project != manifest.Project || descriptor.Model != manifest.Model || descriptor.Version != manifest.Version)
            {
                throw new InvalidDataException($"'{PackageLayout.Descriptor}' describes another model version than the manifest.");
            }

            if (!manifest.Files.Any(f => f.Path == PackageLayout.ModelOnnx))
            {
                throw new InvalidDataException($"The manifest lists no '{PackageLayout.ModelOnnx}'.");
            }

            return new ModelPackage(digest, manifest, descriptor, contract, store);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidPackageException(digest, e.Message);
        }
    }

    private Task<byte[]> ReadListedAsync(string digest, PackageManifest manifest, string path, CancellationToken cancellationToken) =>
        manifest.Files.FirstOrDefault(f => f.Path == path) is { } entry
            ? ModelPackage.ReadVerifiedAsync(store, digest, entry, cancellationToken)
            : throw new InvalidDataException($"The manifest lists no '{path}'.");

    private async Task<byte[]?> ReadAsync(string digest, string path, CancellationToken cancellationToken)
    {
        await using Stream? stream = await store.OpenAsync(digest, path, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
