namespace MLOps.Core.Packaging;

/// <summary>
/// An assembled package before signing: its files (ordered by path), the manifest listing them, the manifest's
/// exact bytes and the digest they give, and the two records a reader uses.
/// </summary>
public sealed record PackageContent(
    IReadOnlyList<PackageEntry> Files,
    PackageManifest Manifest,
    BinaryData ManifestBytes,
    string Digest,
    PackageDescriptor Descriptor,
    FeatureContract Contract);
