namespace MLOps.Core.Tracking;

/// <summary>
/// What a run starts with. <see cref="RunId"/> is chosen by the caller and deterministic (e.g.
/// <c>{experiment}-t{trial:D4}</c>), so a retried activity starts, logs to and ends the same run.
/// </summary>
public sealed record RunStart
{
    public required string Project { get; init; }

    public required string Experiment { get; init; }

    public required string RunId { get; init; }

    public string? Algorithm { get; init; }

    public int? Seed { get; init; }

    public int? FeatureSetVersion { get; init; }

    public string? FeatureSetSha256 { get; init; }

    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Where the run executed; <see cref="RunEnvironment.Capture"/> when null.</summary>
    public RunEnvironment? Environment { get; init; }
}
