namespace MLOps.Core.Requirements;

/// <summary>numerator / denominator of two source columns (loan-to-price, debt-to-income).</summary>
public sealed record RatioTransform : FeatureTransform
{
    public required string Numerator { get; init; }

    public required string Denominator { get; init; }
}
