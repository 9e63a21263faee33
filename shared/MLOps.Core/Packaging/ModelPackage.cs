namespace MLOps.Core.Packaging;

/// <summary>
/// A package opened by <see cref="ModelPackageReader"/>: verified when opened, and each file read later is checked
/// again against its manifest entry, so bytes changed after the open are refused too.
/// </summary>
public sealed class ModelPackage
{
    private readonly IModelPackageStore store;
    private readonly Dictionary<string, PackageFile> files;

    internal ModelPackage(string digest, PackageManifest manifest, PackageDescriptor descriptor, FeatureContract contract, IModelPackageStore store)
    {
        this.Digest = digest;
        this.Manifest = manifest;
        this.Descriptor = descriptor;
        this.Contract = contract;
        this.store = store;
        this.files = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>The package's content address: SHA-256 of its manifest.</summary>
    public string Digest { get; }

    public PackageManifest Manifest { get; }

    /// <summary><c>package.json</c>.</summary>
    public PackageDescriptor Descriptor { get; }

    /// <summary><c>feature-contract.json</c>; <see cref="FeatureContract.CreateEncoder"/> turns raw records into model rows.</summary>
    public FeatureContract Contract { get; }

    /// <summary>The ONNX model (<see cref="PackageLayout.ModelOnnx"/>), checked against the manifest.</summary>
    public Task<byte[]> ReadModelAsync(CancellationToken cancellationToken = default) => this.ReadFileAsync(PackageLayout.ModelOnnx, cancellationToken);

    /// <summary>A listed file's bytes, checked against the manifest.</summary>
    /// <exception cref="InvalidPackageException">The file is missing or not the bytes the manifest lists.</exception>
    public async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!this.files.TryGetValue(path, out PackageFile? entry))
        {
            throw new ArgumentException($"'{path}' is not a file of package {this.Digest}.", nameof(path));
        }

        return await ReadVerifiedAsync(this.store, this.Digest, entry, cancellationToken);
    }

    /// <summary>Reads a listed file and checks its length and SHA-256 against its manifest entry.</summary>
    internal static async Task<byte[]> ReadVerifiedAsync(IModelPackageStore store, string digest, PackageFile entry, CancellationToken cancellationToken)
    {
        await using Stream? stream = await store.OpenAsync(digest, entry.Path, cancellationToken)
            ?? throw new InvalidPackageException(digest, $"'{entry.Path}' is listed in the manifest but missing.");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        byte[] bytes = buffer.ToArray();
        string actual = ContentHash.Sha256(bytes);
        return bytes.LongLength == entry.Bytes && string.Equals(actual, entry.Sha256, StringComparison.Ordinal)
            ? bytes
            : throw new InvalidPackageException(digest, $"'{entry.Path}' does not match its manifest entry.");
    }
}
