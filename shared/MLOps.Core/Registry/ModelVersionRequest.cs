namespace MLOps.Core.Registry;

/// <summary>
/// What registering a trained model needs. <see cref="RunId"/> identifies the training run, so registering
/// the same run again (a retried activity) returns the version it already got.
/// </summary>
public sealed record ModelVersionRequest
{
    public required string Project { get; init; }

    public required string Name { get; init; }

    public required string RunId { get; init; }

    public required int FeatureSetVersion { get; init; }

    public required string FeatureSetSha256 { get; init; }

    /// <summary>SHA-256 of the raw snapshot the feature set was built from.</summary>
    public required string DataSha256 { get; init; }

    public required string SpecSha256 { get; init; }

    public required string CreatedBy { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public string? Description { get; init; }

    /// <summary>Binary classifiers: label a row positive when its probability is at least this (chosen on validation rows).</summary>
    public double? DecisionThreshold { get; init; }
}
