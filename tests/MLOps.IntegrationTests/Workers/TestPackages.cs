using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.Packaging;
using MLOps.Core.Storage;

namespace MLOps.IntegrationTests.Workers;

/// <summary>
/// Writes real packages in the package format (PACKAGE.md) to the <c>packages</c> container: the files under
/// {digest}/, then manifest.json, then manifest.sig last and create-if-absent, signed with
/// <see cref="PackageSigner"/> over the manifest's exact bytes.
/// </summary>
public static class TestPackages
{
    public static readonly DateTimeOffset RegisteredAt = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public static async Task<string> WriteAsync(BlobServiceClient blobs, PackageSigner signer, byte[] onnx, int version, string project = "credit-scoring", string model = "credit-model")
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["model/model.onnx"] = onnx,
            ["model/MLmodel"] = Encoding.UTF8.GetBytes($"flavors:\n  onnx:\n    data: model.onnx\n    onnx_version: 1.17.0\n"),
            ["package.json"] = JsonSerializer.SerializeToUtf8Bytes(new { formatVersion = 1, project, model, version }),
        };
        var manifest = new PackageManifest
        {
            Project = project,
            Model = model,
            Version = version,
            CreatedAt = RegisteredAt,
            Files = [.. files.Select(f => new PackageFile(f.Key, MLOps.Core.ContentHash.Sha256(f.Value), f.Value.Length))],
        };
        byte[] manifestBytes = manifest.ToBytes();
        string digest = PackageManifest.DigestOf(manifestBytes);
        byte[] signature = JsonSerializer.SerializeToUtf8Bytes(signer.Sign(manifestBytes), JsonSerializerOptions.Web);

        BlobContainerClient container = blobs.GetBlobContainerClient(BlobContainers.Packages);
        await container.CreateIfNotExistsAsync();
        foreach ((string path, byte[] content) in files)
        {
            await container.GetBlobClient($"{digest}/{path}").UploadAsync(new BinaryData(content), overwrite: true);
        }

        await container.GetBlobClient($"{digest}/{PackageFormat.ManifestFile}").UploadAsync(new BinaryData(manifestBytes), overwrite: true);
        try
        {
            await container.GetBlobClient($"{digest}/{PackageFormat.SignatureFile}").UploadAsync(
                new BinaryData(signature), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } });
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already written: packages are content-addressed, so it is the same package.
        }

        return digest;
    }

    /// <summary>Overwrites one stored file of a package with its bytes where one byte is flipped (what tampering in storage looks like).</summary>
    public static async Task FlipByteAsync(BlobServiceClient blobs, string digest, string path, int at)
    {
        BlobClient blob = blobs.GetBlobContainerClient(BlobContainers.Packages).GetBlobClient($"{digest}/{path}");
        byte[] content = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        content[at] ^= 0x01;
        await blob.UploadAsync(new BinaryData(content), overwrite: true);
    }
}
