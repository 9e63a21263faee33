namespace MLOps.Core.Experiments;

/// <summary>
/// <paramref name="MinCompletedTrials"/> completed trials must have reached the step before anything is stopped;
/// <paramref name="MinSteps"/> steps a trial always runs (the first folds are noisy).
/// </summary>
public sealed record MedianStoppingOptions(int MinCompletedTrials = 5, int MinSteps = 1);
