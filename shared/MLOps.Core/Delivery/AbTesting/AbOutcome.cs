namespace MLOps.Core.Delivery.AbTesting;

/// <summary>Undecided until both arms have the minimum sample and the difference is significant.</summary>
public enum AbOutcome
{
    Undecided,
    ControlWins,
    TreatmentWins,
}
