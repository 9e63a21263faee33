namespace MLOps.Core.Requirements;

/// <summary>ln(x + offset); the default offset of 1 keeps the zeros common in money columns finite.</summary>
public sealed record LogTransform : FeatureTransform
{
    public double Offset { get; init; } = 1;
}
