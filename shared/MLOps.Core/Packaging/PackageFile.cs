namespace MLOps.Core.Packaging;

/// <summary>One file of a package: its path relative to the package root (forward slashes), digest and length.</summary>
public sealed record PackageFile(string Path, string Sha256, long Bytes);
