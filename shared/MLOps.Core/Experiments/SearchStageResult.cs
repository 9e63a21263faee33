namespace MLOps.Core.Experiments;

/// <summary>What one search stage ran and why it stopped.</summary>
public sealed record SearchStageResult(SearchStrategyKind Strategy, IReadOnlyList<TrialOutcome> Trials, SearchStopReason StopReason);
