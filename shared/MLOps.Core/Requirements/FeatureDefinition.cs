namespace MLOps.Core.Requirements;

/// <summary>A model input: which raw columns it is computed from and how. Records only; the feature store applies them.</summary>
public sealed record FeatureDefinition
{
    public required string Name { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }

    public required FeatureTransform Transform { get; init; }

    public string? Description { get; init; }
}
