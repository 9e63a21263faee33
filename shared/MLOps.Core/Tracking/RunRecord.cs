namespace MLOps.Core.Tracking;

/// <summary>
/// A tracked training run: its inputs (parameters, feature set, seed, code and environment), its outputs
/// (metrics, per-step history, artifacts) and its status. Metrics hold the latest value per key: means such as
/// "auc" beside per-fold values such as "auc/fold0"; <see cref="MetricHistory"/> keeps every stepped value.
/// </summary>
public sealed record RunRecord
{
    public required string Project { get; init; }

    public required string Experiment { get; init; }

    public required string RunId { get; init; }

    public required RunStatus Status { get; init; }

    public required DateTimeOffset StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public string? Algorithm { get; init; }

    public int? Seed { get; init; }

    public int? FeatureSetVersion { get; init; }

    public string? FeatureSetSha256 { get; init; }

    public string? CodeVersion { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> MetricHistory { get; init; } =
        new Dictionary<string, IReadOnlyList<MetricPoint>>();

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public RunEnvironment? Environment { get; init; }

    /// <summary>Artifact paths relative to the run's folder, in the order first logged.</summary>
    public IReadOnlyList<string> Artifacts { get; init; } = [];
}
