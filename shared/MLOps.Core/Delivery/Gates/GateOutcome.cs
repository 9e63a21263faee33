namespace MLOps.Core.Delivery.Gates;

/// <summary>Passed and Failed are decisions; InsufficientData means the window held too few candidate requests.</summary>
public enum GateOutcome
{
    Passed,
    Failed,
    InsufficientData,
}
