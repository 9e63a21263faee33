using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MLOps.Core.Packaging;
using Xunit;

namespace MLOps.UnitTests.Packaging;

public sealed class PackageVerifierTests
{
    private static readonly byte[] Model = Encoding.UTF8.GetBytes("pretend onnx bytes");
    private static readonly byte[] Contract = Encoding.UTF8.GetBytes("{\"features\":[]}");

    [Fact]
    public async Task A_signed_package_verifies_and_its_digest_is_the_manifest_hash()
    {
        using PackageSigner signer = NewSigner();
        (byte[] manifest, byte[] signature, Dictionary<string, byte[]> files) = Build(signer);

        PackageVerification result = await Verifier(signer).VerifyAsync(manifest, signature, Open(files), [.. files.Keys, PackageFormat.ManifestFile, PackageFormat.SignatureFile]);

        Assert.True(result.Valid, result.Problem);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(manifest)), result.Digest);
        Assert.Equal(2, result.Manifest!.Files.Count);
    }

    [Fact]
    public async Task One_flipped_byte_in_a_file_is_refused_naming_the_file()
    {
        using PackageSigner signer = NewSigner();
        (byte[] manifest, byte[] signature, Dictionary<string, byte[]> files) = Build(signer);
        files["model/model.onnx"] = [.. Model];
        files["model/model.onnx"][3] ^= 0x01;

        PackageVerification result = await Verifier(signer).VerifyAsync(manifest, signature, Open(files));

        Assert.False(result.Valid);
        Assert.Contains("model/model.onnx", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_manifest_fails_the_signature()
    {
        using PackageSigner signer = NewSigner();
        (byte[] manifest, byte[] signature, Dictionary<string, byte[]> files) = Build(signer);
        byte[] edited = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(manifest).Replace("\"version\": 3", "\"version\": 4", StringComparison.Ordinal));
        Assert.NotEqual(manifest, edited);

        PackageVerification result = await Verifier(signer).VerifyAsync(edited, signature, Open(files));

        Assert.False(result.Valid);
        Assert.Contains("does not verify", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_signed_by_an_untrusted_key_is_refused()
    {
        using PackageSigner signer = NewSigner();
        using PackageSigner stranger = NewSigner();
        (byte[] manifest, byte[] signature, Dictionary<string, byte[]> files) = Build(stranger);

        PackageVerification result = await Verifier(signer).VerifyAsync(manifest, signature, Open(files));

        Assert.False(result.Valid);
        Assert.Contains("not trusted", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_and_unlisted_files_are_refused()
    {
        using PackageSigner signer = NewSigner();
        (byte[] manifest, byte[] signature, Dictionary<string, byte[]> files) = Build(signer);

        PackageVerification extra = await Verifier(signer).VerifyAsync(manifest, signature, Open(files), [.. files.Keys, "model/evil.so"]);
        files.Remove("feature-contract.json");
        PackageVerification missing = await Verifier(signer).VerifyAsync(manifest, signature, Open(files));

        Assert.Contains("model/evil.so", extra.Problem, StringComparison.Ordinal);
        Assert.Contains("feature-contract.json", missing.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("a\\b")]
    [InlineData("c:/x")]
    [InlineData("")]
    [InlineData("manifest.json")]
    public void A_manifest_cannot_list_a_path_outside_the_package(string path)
    {
        var manifest = new PackageManifest
        {
            Project = "p", Model = "m", Version = 1, CreatedAt = DateTimeOffset.UnixEpoch,
            Files = [new PackageFile(path, new string('0', 64), 1)],
        };

        Assert.Throws<ArgumentException>(() => manifest.ToBytes());
    }

    [Fact]
    public void A_manifest_read_back_with_a_traversal_path_is_refused()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(
            "{\"formatVersion\":1,\"project\":\"p\",\"model\":\"m\",\"version\":1,\"createdAt\":\"2026-01-01T00:00:00Z\",\"files\":[{\"path\":\"../x\",\"sha256\":\"" + new string('0', 64) + "\",\"bytes\":1}]}");

        Assert.Null(PackageManifest.TryParse(bytes, out string? problem));
        Assert.Contains("../x", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_package_gives_the_same_manifest_bytes_whatever_the_file_order()
    {
        var a = new PackageManifest
        {
            Project = "p", Model = "m", Version = 1, CreatedAt = DateTimeOffset.UnixEpoch,
            Files = [new PackageFile("b", new string('1', 64), 1), new PackageFile("a", new string('2', 64), 2)],
        };

        Assert.Equal(a.ToBytes(), (a with { Files = [.. a.Files.Reverse()] }).ToBytes());
    }

    private static PackageSigner NewSigner() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    private static PackageVerifier Verifier(PackageSigner signer) => new([signer.PublicKeyPem]);

    private static (byte[] Manifest, byte[] Signature, Dictionary<string, byte[]> Files) Build(PackageSigner signer)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["model/model.onnx"] = Model, ["feature-contract.json"] = Contract };
        byte[] manifest = new PackageManifest
        {
            Project = "credit-scoring", Model = "credit-model", Version = 3, CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Files = [.. files.Select(f => new PackageFile(f.Key, Convert.ToHexStringLower(SHA256.HashData(f.Value)), f.Value.Length))],
        }.ToBytes();
        byte[] signature = JsonSerializer.SerializeToUtf8Bytes(signer.Sign(manifest), JsonSerializerOptions.Web);
        return (manifest, signature, files);
    }

    private static Func<string, CancellationToken, Task<Stream?>> Open(Dictionary<string, byte[]> files) =>
        (path, _) => Task.FromResult<Stream?>(files.TryGetValue(path, out byte[]? b) ? new MemoryStream(b) : null);
}
