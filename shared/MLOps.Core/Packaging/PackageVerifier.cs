using System.Security.Cryptography;
using System.Text.Json;

namespace MLOps.Core.Packaging;

/// <summary>
/// Checks a package before anything in it is used: the signature over the manifest's exact bytes by a trusted key,
/// the manifest's form, then the SHA-256 and length of every listed file (streamed, so large models are not held
/// twice), and — when the caller knows the folder's listing — that nothing unlisted was slipped in beside them.
/// Pure apart from the <c>open</c> delegate, so workers, CI and tests verify the same way.
/// </summary>
public sealed class PackageVerifier
{
    private readonly Dictionary<string, ECDsa> trusted = new(StringComparer.Ordinal);

    /// <param name="trustedPublicKeysPem">SubjectPublicKeyInfo PEMs of the keys whose signatures are accepted.</param>
    public PackageVerifier(IEnumerable<string> trustedPublicKeysPem)
    {
        ArgumentNullException.ThrowIfNull(trustedPublicKeysPem);
        foreach (string pem in trustedPublicKeysPem)
        {
            var key = ECDsa.Create();
            key.ImportFromPem(pem);
            this.trusted[PackageSigner.KeyIdOf(key)] = key;
        }
    }

    public IReadOnlyCollection<string> TrustedKeyIds => this.trusted.Keys;

    /// <param name="manifestBytes">The bytes of <see cref="PackageFormat.ManifestFile"/>, exactly as stored.</param>
    /// <param name="signatureBytes">The bytes of <see cref="PackageFormat.SignatureFile"/>.</param>
    /// <param name="open">Opens a listed file by its package path; null when the file does not exist.</param>
    /// <param name="listing">Every path present in the package folder, when known; extra files are refused.</param>
    public async Task<PackageVerification> VerifyAsync(
        byte[] manifestBytes,
        byte[] signatureBytes,
        Func<string, CancellationToken, Task<Stream?>> open,
        IReadOnlyCollection<string>? listing = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifestBytes);
        ArgumentNullException.ThrowIfNull(signatureBytes);
        ArgumentNullException.ThrowIfNull(open);
        string digest = PackageManifest.DigestOf(manifestBytes);
        if (this.CheckSignature(manifestBytes, signatureBytes) is { } unsigned)
        {
            return PackageVerification.Refused(unsigned, digest);
        }

        if (PackageManifest.TryParse(manifestBytes, out string? problem) is not { } manifest)
        {
            return PackageVerification.Refused(problem!, digest);
        }

        if (listing is not null)
        {
            var listed = manifest.Files.Select(f => f.Path).Append(PackageFormat.ManifestFile).Append(PackageFormat.SignatureFile).ToHashSet(StringComparer.Ordinal);
            if (listing.FirstOrDefault(p => !listed.Contains(p)) is { } extra)
            {
                return PackageVerification.Refused($"'{extra}' is in the package but not in its manifest.", digest);
            }
        }

        foreach (PackageFile file in manifest.Files)
        {
            await using Stream? stream = await open(file.Path, cancellationToken);
            if (stream is null)
            {
                return PackageVerification.Refused($"'{file.Path}' is listed in the manifest but missing.", digest);
            }

            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            byte[] buffer = new byte[81920];
            long length = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                length += read;
            }

            string actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (length != file.Bytes || !string.Equals(actual, file.Sha256, StringComparison.Ordinal))
            {
                return PackageVerification.Refused(
                    $"'{file.Path}' does not match its manifest entry (SHA-256 {actual[..12]}…, {length} bytes; expected {file.Sha256[..Math.Min(12, file.Sha256.Length)]}…, {file.Bytes} bytes).", digest);
            }
        }

        return new PackageVerification(true, digest, manifest, null);
    }

    private string? CheckSignature(byte[] manifestBytes, byte[] signatureBytes)
    {
        PackageSignature? signature;
        try
        {
            signature = JsonSerializer.Deserialize<PackageSignature>(signatureBytes, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return "The signature file is not valid JSON.";
        }

        if (signature is null || signature.Algorithm != PackageFormat.SignatureAlgorithm)
        {
            return $"The package is not signed with {PackageFormat.SignatureAlgorithm}.";
        }

        if (signature.KeyId is null || !this.trusted.TryGetValue(signature.KeyId, out ECDsa? key))
        {
            return $"The package is signed by key '{signature.KeyId}', which is not trusted here.";
        }

        byte[] value;
        try
        {
            value = Convert.FromBase64String(signature.Value ?? string.Empty);
        }
        catch (FormatException)
        {
            return "The signature is not base64.";
        }

        return key.VerifyData(manifestBytes, value, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)
            ? null
            : "The manifest's signature does not verify: the manifest was changed after signing.";
    }
}
