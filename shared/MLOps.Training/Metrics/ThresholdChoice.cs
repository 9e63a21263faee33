using MLOps.Core.Experiments;

namespace MLOps.Training.Metrics;

/// <summary>The chosen threshold, the objective's value there on the validation rows, and why the default was kept, if it was.</summary>
public sealed record ThresholdChoice(double Threshold, double Value, ThresholdObjective Objective, string? FallbackReason);
