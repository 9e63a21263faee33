using Azure;
using Microsoft.Extensions.Options;
using MLOps.Core.Packaging;
using MLOps.Core.Storage;
using MLOps.OnnxWorker.Hosting;

namespace MLOps.OnnxWorker.Packages;

/// <summary>
/// Where a load gets its model: the package is opened with MLOps.Core's <see cref="ModelPackageReader"/>, which
/// verifies it before anything in it is used (the signature over manifest.json by a trusted key, the manifest hashing
/// to the digest asked for, every listed file's SHA-256 and length, no unlisted file, package.json and the feature
/// contract readable), and <c>model/model.onnx</c> is then read through the opened package, which checks those bytes
/// against the manifest again, so a blob replaced after the check is refused too. The outcomes map to the statuses a
/// load answers: no package 404, one that does not verify 409 (with the reason), the store unreachable 503.
/// </summary>
public sealed class PackageSource(ModelPackageReader reader, IOptions<WorkerOptions> options)
{
    public async Task<(PackageManifest Manifest, byte[] Model)> ReadModelAsync(string digest, CancellationToken cancellationToken)
    {
        try
        {
            ModelPackage package = await reader.OpenAsync(digest, cancellationToken)
                ?? throw new PackageRefusedException(404, $"No package {digest}: there is no {digest}/{PackageFormat.SignatureFile} in container '{BlobContainers.Packages}'.");
            long bytes = package.Manifest.Files.Single(f => f.Path == PackageLayout.ModelOnnx).Bytes;
            if (bytes > options.Value.MaxModelBytes)
            {
                throw new PackageRefusedException(409, $"{PackageLayout.ModelOnnx} of package {digest} is {bytes} bytes; this worker loads models up to {options.Value.MaxModelBytes} bytes (Worker:MaxModelBytes).");
            }

            return (package.Manifest, await package.ReadModelAsync(cancellationToken));
        }
        catch (InvalidPackageException e)
        {
            throw new PackageRefusedException(409, e.Message, e);
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
}
