namespace MLOps.Core.Delivery.AbTesting;

/// <summary>
/// An A/B test's state over a window: the test used (<c>two-proportion z</c> or <c>Welch t</c>), each arm's sample
/// and mean outcome, the statistic and two-sided p-value (null before the minimum sample), and the outcome.
/// </summary>
public sealed record AbDecision(
    AbOutcome Outcome,
    string Test,
    long ControlSamples,
    long TreatmentSamples,
    double? ControlMean,
    double? TreatmentMean,
    double? Statistic,
    double? PValue,
    string Detail);
