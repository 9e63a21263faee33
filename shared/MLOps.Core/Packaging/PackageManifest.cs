using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLOps.Core.Packaging;

/// <summary>
/// <see cref="PackageFormat.ManifestFile"/>: what the package is (the registered model version it was built from)
/// and every other file in it with its SHA-256. Written once with <see cref="ToBytes"/> (files ordered by path, so
/// the same package gives the same bytes); its digest and signature are over those exact bytes, never over a
/// re-serialisation.
/// </summary>
public sealed record PackageManifest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // The digest is over these bytes: the same package must give them on every OS, not Environment.NewLine's.
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 8,
    };

    public int FormatVersion { get; init; } = PackageFormat.Version;

    public required string Project { get; init; }

    public required string Model { get; init; }

    public required int Version { get; init; }

    /// <summary>When the model version was registered (not when the package was built), so a rebuild gives the same bytes.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public required IReadOnlyList<PackageFile> Files { get; init; }

    public byte[] ToBytes()
    {
        foreach (PackageFile file in this.Files)
        {
            if (!PackagePaths.IsValid(file.Path) || file.Path is PackageFormat.ManifestFile or PackageFormat.SignatureFile)
            {
                throw new ArgumentException($"'{file.Path}' cannot be a file of a package.", nameof(this.Files));
            }
        }

        PackageManifest ordered = this with { Files = [.. this.Files.OrderBy(f => f.Path, StringComparer.Ordinal)] };
        return JsonSerializer.SerializeToUtf8Bytes(ordered, Json);
    }

    /// <summary>Reads manifest bytes; null (with the reason) when they are not a manifest this version can read.</summary>
    public static PackageManifest? TryParse(ReadOnlySpan<byte> bytes, out string? problem)
    {
        PackageManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PackageManifest>(bytes, Json);
        }
        catch (JsonException e)
        {
            problem = $"The manifest is not valid JSON: {e.Message}";
            return null;
        }

        problem = manifest switch
        {
            null => "The manifest is empty.",
            { FormatVersion: not PackageFormat.Version } => $"The manifest has format version {manifest.FormatVersion}; this reader knows {PackageFormat.Version}.",
            { Files: null or { Count: 0 } } => "The manifest lists no files.",
            _ => manifest.Files.FirstOrDefault(f => f is null || !PackagePaths.IsValid(f.Path) || f.Sha256 is not { Length: 64 }) is { } bad
                ? $"The manifest lists an invalid entry '{bad?.Path}'."
                : manifest.Files.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice
                    ? $"The manifest lists '{twice.Key}' twice."
                    : null,
        };
        return problem is null ? manifest : null;
    }

    /// <summary>The package's content address: lower-case hex SHA-256 of the manifest's bytes.</summary>
    public static string DigestOf(ReadOnlySpan<byte> manifestBytes) => ContentHash.Sha256(manifestBytes);
}
