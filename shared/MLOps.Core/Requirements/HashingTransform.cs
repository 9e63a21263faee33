namespace MLOps.Core.Requirements;

/// <summary>The hashing trick: high-cardinality values or crosses of several sources into a fixed number of buckets.</summary>
public sealed record HashingTransform : FeatureTransform
{
    public required int Buckets { get; init; }
}
