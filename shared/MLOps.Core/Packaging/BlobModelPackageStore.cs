using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.Storage;

namespace MLOps.Core.Packaging;

/// <summary>
/// Packages in the <c>packages</c> container as <c>{digest}/{path}</c>. Files and the manifest are uploaded whole
/// (overwriting only an unpublished folder's leftovers, which for the same digest are the same bytes); the signature
/// is created only if absent and is the commit point.
/// </summary>
public sealed class BlobModelPackageStore(BlobServiceClient blobs) : IModelPackageStore
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient(BlobContainers.Packages);

    public async Task<bool> PublishAsync(
        string digest, IReadOnlyList<PackageEntry> files, BinaryData manifest, BinaryData signature, CancellationToken cancellationToken = default)
    {
        PackageDigests.Require(digest);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(signature);
        await this.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        if (await this.ExistsAsync(digest, cancellationToken))
        {
            // Published: its files are never written again.
            return false;
        }

        foreach (PackageEntry file in files)
        {
            if (!PackagePaths.IsValid(file.Path) || file.Path is PackageFormat.ManifestFile or PackageFormat.SignatureFile)
            {
                throw new ArgumentException($"'{file.Path}' cannot be a file of a package.", nameof(files));
            }

            await this.Blob(digest, file.Path).UploadAsync(file.Content, overwrite: true, cancellationToken);
        }

        await this.Blob(digest, PackageFormat.ManifestFile).UploadAsync(manifest, overwrite: true, cancellationToken);
        return await this.Blob(digest, PackageFormat.SignatureFile).TryCreateAsync(signature, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string digest, CancellationToken cancellationToken = default)
    {
        PackageDigests.Require(digest);
        return await this.Container.ExistsAsync(cancellationToken) && await this.Blob(digest, PackageFormat.SignatureFile).ExistsAsync(cancellationToken);
    }

    public async Task<Stream?> OpenAsync(string digest, string path, CancellationToken cancellationToken = default)
    {
        PackageDigests.Require(digest);
        if (!PackagePaths.IsValid(path))
        {
            throw new ArgumentException($"'{path}' is not a package path.", nameof(path));
        }

        try
        {
            return (await this.Blob(digest, path).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string digest, CancellationToken cancellationToken = default)
    {
        PackageDigests.Require(digest);
        var paths = new List<string>();
        if (!await this.Container.ExistsAsync(cancellationToken))
        {
            return paths;
        }

        string prefix = digest + "/";
        await foreach (BlobItem item in this.Container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            paths.Add(item.Name[prefix.Length..]);
        }

        return paths;
    }

    private BlobClient Blob(string digest, string path) => this.Container.GetBlobClient($"{digest}/{path}");
}
