namespace MLOps.Core.Experiments;

/// <summary>A finished trial: its tracked run, its result for the strategy, and its mean cross-validated metrics.</summary>
public sealed record TrialOutcome(string RunId, SearchStrategyKind Stage, TrialResult Result, IReadOnlyDictionary<string, double> Metrics);
