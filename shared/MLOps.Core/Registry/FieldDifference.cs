namespace MLOps.Core.Registry;

/// <summary>A provenance field (run, feature set, data or spec hash) that differs between two versions.</summary>
public sealed record FieldDifference(string Field, string? First, string? Second);
