using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace MLOps.Core.Packaging;

/// <summary>
/// Loads the signing key: configured PEM first; else the local development key file, generated (create-new, mode
/// 600) on first start. Two hosts starting at once both end up with the file's key: the loser of the create reads
/// the winner's.
/// </summary>
public static class PackageSigningKeys
{
    public static PackageSigner Load(PackageSigningOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var key = ECDsa.Create();
        if (!string.IsNullOrWhiteSpace(options.SigningKeyPem))
        {
            key.ImportFromPem(options.SigningKeyPem);
            return new PackageSigner(key);
        }

        string path = options.ResolvedLocalKeyPath;
        if (!File.Exists(path))
        {
            TryCreate(path, logger);
        }

        key.ImportFromPem(File.ReadAllText(path));
        return new PackageSigner(key);
    }

    /// <summary>The verifier a host trusts: the signing key's public half and any configured extra keys.</summary>
    public static PackageVerifier Verifier(PackageSigner signer, PackageSigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(options);
        return new PackageVerifier([signer.PublicKeyPem, .. options.TrustedPublicKeysPem]);
    }

    private static void TryCreate(string path, ILogger logger)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var generated = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(path, options))
            {
                writer.Write(generated.ExportPkcs8PrivateKeyPem());
            }

            logger.LogWarning(
                "No package signing key is configured (Packaging:SigningKeyPem); generated a development key at {Path} (key id {KeyId}). Configure a managed key outside development.",
                path, PackageSigner.KeyIdOf(generated));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another host created it first; use theirs.
        }
    }
}
