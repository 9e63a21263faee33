namespace MLOps.Core.Integration.Builds;

/// <summary>What every check of a build works on, by reference: the model version and the digest of its built package.</summary>
public sealed record CheckTarget(string Project, string Model, int Version, string Digest);
