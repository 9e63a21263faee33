namespace MLOps.Core.Requirements;

/// <summary>The raw value as is (already numeric, already scaled, or a tree model that needs no scaling).</summary>
public sealed record IdentityTransform : FeatureTransform;
