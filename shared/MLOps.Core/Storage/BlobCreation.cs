using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace MLOps.Core.Storage;

public static class BlobCreation
{
    /// <summary>
    /// Writes a blob only if none exists under its name: the commit point of the platform's write-once records.
    /// False when another writer got there first; the existing blob is left as it is.
    /// </summary>
    public static async Task<bool> TryCreateAsync(this BlobClient blob, BinaryData content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            await blob.UploadAsync(
                content,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Publishes a staged blob under its final (content-addressed) name by a server-side copy that only creates:
    /// the target appears whole or not at all, and an existing one is left as it is (false). The staged blob is
    /// deleted either way.
    /// </summary>
    public static async Task<bool> TryCreateFromAsync(this BlobClient target, BlobClient staged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(staged);
        try
        {
            if (await target.ExistsAsync(cancellationToken))
            {
                return false;
            }

            CopyFromUriOperation copy = await target.StartCopyFromUriAsync(
                staged.Uri,
                new BlobCopyFromUriOptions { DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
            await copy.WaitForCompletionAsync(cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
        finally
        {
            await staged.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
    }
}
