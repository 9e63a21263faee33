namespace MLOps.Core.Experiments;

public enum SearchStopReason
{
    /// <summary>Keep going.</summary>
    None,

    /// <summary>A completed trial reached the threshold and the budget asks to stop on it.</summary>
    ThresholdMet,

    /// <summary>Every trial in the budget has been started and reported.</summary>
    BudgetExhausted,

    /// <summary>The strategy has nothing left to propose (a finished grid) and nothing is running.</summary>
    SpaceExhausted,
}
