namespace MLOps.Core.Registry;

/// <summary>
/// A registered version: what it was trained from (run, feature set, raw data, spec), where its artifacts
/// are, and its approval. <see cref="ApproverRoles"/> are the roles the approver held when approving, which is
/// what the champion gate checks.
/// </summary>
public sealed record ModelVersion
{
    public required string Project { get; init; }

    public required string Name { get; init; }

    public required int Version { get; init; }

    public required string RunId { get; init; }

    public required int FeatureSetVersion { get; init; }

    public required string FeatureSetSha256 { get; init; }

    public required string DataSha256 { get; init; }

    public required string SpecSha256 { get; init; }

    /// <summary>Blob prefix of the MLflow-compatible artifact directory: <c>models/{project}/{name}/{version}/</c>.</summary>
    public required string ArtifactUri { get; init; }

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Binary classifiers: the probability at or above which a row is labelled positive; serving uses it.</summary>
    public double? DecisionThreshold { get; init; }

    public ApprovalStatus Status { get; init; } = ApprovalStatus.Pending;

    public string? ApprovedBy { get; init; }

    public IReadOnlyList<string> ApproverRoles { get; init; } = [];

    public string? ApprovalReason { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Staged until its package is complete; rows written before staging existed read as committed.</summary>
    public ModelVersionState State { get; init; } = ModelVersionState.Committed;

    public DateTimeOffset? CommittedAt { get; init; }

    /// <summary>How many approval decisions were recorded; numbers each decision's audit event.</summary>
    public int ApprovalSequence { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>The build state of the version's model package; <see cref="PackageBuild.None"/> until a build starts.</summary>
    public PackageBuild Package { get; init; } = PackageBuild.None;

    public string Uri => ModelUri.ForVersion(this.Name, this.Version).ToString();
}
