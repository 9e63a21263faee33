using MLOps.Core.Requirements;

namespace MLOps.Core.Registry.Cards;

/// <summary>
/// The facts a reviewer needs about one model version: what it is for, what it was trained on, how well it
/// does, which features drive it, where it falls short and how it treats the groups of sensitive attributes.
/// </summary>
public sealed record ModelCard
{
    public required string Project { get; init; }

    public required string Name { get; init; }

    public required int Version { get; init; }

    public required string BusinessGoal { get; init; }

    public required ModelTask Task { get; init; }

    public required string Target { get; init; }

    public required int FeatureSetVersion { get; init; }

    public required string FeatureSetSha256 { get; init; }

    public required string DataSha256 { get; init; }

    public long? Rows { get; init; }

    /// <summary>The latest event time in the training data; the card states the model knows nothing after it.</summary>
    public DateTimeOffset? DataThrough { get; init; }

    public string? Algorithm { get; init; }

    public string? RunId { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Binary classifiers: the decision threshold, what chose it, and the holdout label metrics at it.</summary>
    public DecisionThresholdSummary? DecisionThreshold { get; init; }

    /// <summary>What a reader must not miss; rendered first, before any number.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<FeatureImportance> FeatureImportance { get; init; } = [];

    public IReadOnlyList<string> Limitations { get; init; } = [];

    public IReadOnlyList<string> SensitiveAttributes { get; init; } = [];

    public IReadOnlyList<FairnessResult> Fairness { get; init; } = [];

    public ApprovalStatus Approval { get; init; } = ApprovalStatus.Pending;

    public string? ApprovedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }
}
