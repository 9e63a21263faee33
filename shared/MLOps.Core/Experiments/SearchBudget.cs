namespace MLOps.Core.Experiments;

/// <summary>
/// How much a search may spend. Scores are higher-is-better (the caller negates losses), so the threshold is
/// met by a completed score at or above it; with <paramref name="StopWhenThresholdMet"/> the search then stops early.
/// </summary>
public sealed record SearchBudget(int MaxTrials, int MaxParallel, bool StopWhenThresholdMet = false, double? Threshold = null);
