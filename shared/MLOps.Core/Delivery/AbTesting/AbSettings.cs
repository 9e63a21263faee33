namespace MLOps.Core.Delivery.AbTesting;

/// <summary>
/// An A/B test's decision rule: significance level (two-sided) and the labelled outcomes each arm needs before any
/// decision. The outcome per labelled row is "prediction correct" (0/1, two-proportion z-test) for classification
/// and the absolute error (Welch's t-test, lower is better) for regression.
/// </summary>
public sealed record AbSettings
{
    public double Alpha { get; init; } = 0.05;

    public required int MinSamplesPerArm { get; init; }
}
