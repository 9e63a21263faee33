namespace MLOps.Core.Experiments;

/// <summary>One search stage in the report: how many trials ran, how many were stopped early, the best score and why it ended.</summary>
public sealed record StageSummary(SearchStrategyKind Strategy, int Trials, int Stopped, double? BestScore, string? BestRunId, SearchStopReason StopReason);
