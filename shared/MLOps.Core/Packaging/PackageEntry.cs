namespace MLOps.Core.Packaging;

/// <summary>One file of a package being written: its path (<see cref="PackagePaths"/>) and bytes.</summary>
public sealed record PackageEntry(string Path, BinaryData Content);
