namespace MLOps.Core.Requirements;

/// <summary>Limits for the feasibility checks.</summary>
public sealed record FeasibilityOptions
{
    public static FeasibilityOptions Default { get; } = new();

    /// <summary>Below this share of the rarest class the data needs resampling, weights or more positives.</summary>
    public double MinMinorityShare { get; init; } = 0.05;

    /// <summary>
    /// A single column that ranks the label this well (AUC) or tracks it this closely (|r|) is almost always the
    /// label itself or recorded after the outcome, not a genuine predictor.
    /// </summary>
    public double LeakageThreshold { get; init; } = 0.98;

    public int InformationValueBins { get; init; } = 10;
}
