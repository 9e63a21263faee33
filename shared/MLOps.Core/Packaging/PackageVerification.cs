namespace MLOps.Core.Packaging;

/// <summary>The outcome of verifying a package: its digest and manifest when valid, else the first reason it is not.</summary>
public sealed record PackageVerification(bool Valid, string? Digest, PackageManifest? Manifest, string? Problem)
{
    public static PackageVerification Refused(string problem, string? digest = null) => new(false, digest, null, problem);
}
