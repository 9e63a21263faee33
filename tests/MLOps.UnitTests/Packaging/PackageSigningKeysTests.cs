using Microsoft.Extensions.Logging.Abstractions;
using MLOps.Core.Packaging;
using Xunit;

namespace MLOps.UnitTests.Packaging;

public sealed class PackageSigningKeysTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("signing-keys").FullName;

    [Fact]
    public void A_development_key_is_generated_once_and_reused()
    {
        var options = new PackageSigningOptions { LocalKeyPath = Path.Combine(this.folder, "keys", "signing.pem") };

        using PackageSigner first = PackageSigningKeys.Load(options, NullLogger.Instance);
        using PackageSigner second = PackageSigningKeys.Load(options, NullLogger.Instance);

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Contains("PRIVATE KEY", File.ReadAllText(options.LocalKeyPath!), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.LocalKeyPath!));
        }
    }

    [Fact]
    public void A_configured_key_wins_over_the_local_file()
    {
        var local = new PackageSigningOptions { LocalKeyPath = Path.Combine(this.folder, "signing.pem") };
        using PackageSigner generated = PackageSigningKeys.Load(local, NullLogger.Instance);
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

        using PackageSigner configured = PackageSigningKeys.Load(local with { SigningKeyPem = other.ExportPkcs8PrivateKeyPem() }, NullLogger.Instance);

        Assert.Equal(PackageSigner.KeyIdOf(other), configured.KeyId);
        Assert.NotEqual(generated.KeyId, configured.KeyId);
    }

    public void Dispose() => Directory.Delete(this.folder, recursive: true);
}
