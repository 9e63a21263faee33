namespace MLOps.Core.Delivery.Gates;

/// <summary>How the candidate's score distribution is compared with the baseline's.</summary>
public enum ScoreShiftMetric
{
    PopulationStabilityIndex,
    JensenShannon,
}
