namespace MLOps.Core.Integration.Robustness;

/// <summary>A numeric raw input to perturb, with its standard deviation on the training rows.</summary>
public sealed record RobustnessColumn(string Name, double StandardDeviation);
