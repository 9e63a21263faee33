namespace MLOps.Core.Packaging;

/// <summary>
/// A built package: its <see cref="Digest"/> (what deployments, logs and lineage name), size, and whether this build
/// published it (<see cref="Published"/> false: a package with this digest already existed and was left as it was).
/// </summary>
public sealed record BuiltPackage(string Project, string Model, int Version, string Digest, int Files, long Bytes, bool Published);
