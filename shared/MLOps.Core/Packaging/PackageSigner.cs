using System.Security.Cryptography;

namespace MLOps.Core.Packaging;

/// <summary>Signs manifests with one ECDSA P-256 private key (<see cref="PackageSigningKeys"/> says where it comes from).</summary>
public sealed class PackageSigner : IDisposable
{
    private readonly ECDsa key;

    public PackageSigner(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.KeySize != 256)
        {
            throw new ArgumentException("Package signing keys are ECDSA P-256.", nameof(key));
        }

        this.key = key;
        this.KeyId = KeyIdOf(key);
        this.PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>SHA-256 (hex) of the public key's SubjectPublicKeyInfo: names the key in signatures and logs.</summary>
    public string KeyId { get; }

    /// <summary>What a verifier trusts: the public half, as PEM.</summary>
    public string PublicKeyPem { get; }

    public PackageSignature Sign(ReadOnlySpan<byte> manifestBytes) => new(
        PackageFormat.SignatureAlgorithm,
        this.KeyId,
        Convert.ToBase64String(this.key.SignData(manifestBytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)));

    public static string KeyIdOf(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ContentHash.Sha256(key.ExportSubjectPublicKeyInfo());
    }

    public void Dispose() => this.key.Dispose();
}
