using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using MLOps.Core.Packaging;
using MLOps.Core.Storage;
using MLOps.OnnxWorker.Hosting;

namespace MLOps.OnnxWorker.Packages;

/// <summary>
/// Reads a package from the <c>packages</c> container by digest and verifies it with <see cref="PackageVerifier"/>
/// before anything in it is used: the signature over manifest.json by a trusted key, every listed file's SHA-256
/// and length, no unlisted file in the folder, and that the manifest hashes to the digest asked for. The model is
/// downloaded once into memory and those same bytes are both hashed and loaded, so a blob replaced between the
/// check and the load cannot slip through.
/// </summary>
public sealed class PackageReader(BlobServiceClient blobs, PackageVerifier verifier, IOptions<WorkerOptions> options)
{
    public const string ModelPath = "model/model.onnx";

    public async Task<VerifiedPackage> ReadAsync(string digest, CancellationToken cancellationToken)
    {
        BlobContainerClient container = blobs.GetBlobContainerClient(BlobContainers.Packages);
        string prefix = digest + "/";
        try
        {
            // A package exists iff its signature does: it is written last, create-if-absent.
            byte[] signature = await DownloadAsync(container, prefix + PackageFormat.SignatureFile, cancellationToken)
                ?? throw new PackageRefusedException(404, $"No package {digest}: there is no {prefix}{PackageFormat.SignatureFile} in container '{BlobContainers.Packages}'.");
            byte[] manifest = await DownloadAsync(container, prefix + PackageFormat.ManifestFile, cancellationToken)
                ?? throw new PackageRefusedException(409, $"Package {digest} is signed but has no {PackageFormat.ManifestFile}.");

            var listing = new List<string>();
            await foreach (BlobItem item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
            {
                listing.Add(item.Name[prefix.Length..]);
            }

            byte[]? model = null;
            PackageVerification verification = await verifier.VerifyAsync(
                manifest,
                signature,
                async (path, token) =>
                {
                    if (path == ModelPath)
                    {
                        model = await this.DownloadModelAsync(container, prefix + path, manifest, token);
                        return model is null ? null : new MemoryStream(model, writable: false);
                    }

                    return await OpenAsync(container, prefix + path, token);
                },
                listing,
                cancellationToken);

            if (!verification.Valid)
            {
                throw new PackageRefusedException(409, $"Package {digest} failed verification: {verification.Problem}");
            }

            if (!string.Equals(verification.Digest, digest, StringComparison.Ordinal))
            {
                throw new PackageRefusedException(409, $"The manifest under {prefix} hashes to {verification.Digest}, not to the package's digest {digest}.");
            }

            if (model is null)
            {
                throw new PackageRefusedException(409, $"Package {digest} has no {ModelPath}: its manifest does not list one.");
            }

            return new VerifiedPackage(digest, verification.Manifest!, model);
        }
        catch (RequestFailedException e)
        {
            throw new PackageRefusedException(503, $"The package store answered {e.Status} ({e.ErrorCode ?? "no error code"}); try the load again.", e);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is RequestFailedException or HttpRequestException))
        {
            // The storage client's retries ran out: the store is unreachable.
            throw new PackageRefusedException(503, "The package store is unreachable; try the load again.", e);
        }
    }

    private async Task<byte[]?> DownloadModelAsync(BlobContainerClient container, string name, byte[] manifest, CancellationToken cancellationToken)
    {
        // The manifest's signature has verified by the time files are opened, so its listed size can be trusted to
        // refuse an oversized model before it is downloaded.
        long listed = PackageManifest.TryParse(manifest, out _)?.Files.FirstOrDefault(f => f.Path == ModelPath)?.Bytes ?? 0;
        if (listed > options.Value.MaxModelBytes)
        {
            throw new PackageRefusedException(409, $"{ModelPath} is {listed} bytes; this worker loads models up to {options.Value.MaxModelBytes} bytes (Worker:MaxModelBytes).");
        }

        return await DownloadAsync(container, name, cancellationToken);
    }

    private static async Task<byte[]?> DownloadAsync(BlobContainerClient container, string name, CancellationToken cancellationToken)
    {
        try
        {
            BlobDownloadResult result = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return result.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static async Task<Stream?> OpenAsync(BlobContainerClient container, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await container.GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
