namespace MLOps.Core.Requirements;

/// <summary>Bins a numeric value at fixed boundaries, right-closed: (b[i-1], b[i]].</summary>
public sealed record BucketizeTransform : FeatureTransform
{
    public required IReadOnlyList<double> Boundaries { get; init; }
}
