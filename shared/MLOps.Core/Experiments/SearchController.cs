namespace MLOps.Core.Experiments;

/// <summary>Pure budget arithmetic for the search loop; every input comes from orchestration history.</summary>
public static class SearchController
{
    /// <summary>How many trials may start now: free parallel slots, capped by what is left of the budget.</summary>
    public static int Capacity(SearchBudget budget, SearchState state)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(state);
        int running = state.RunningTrials().Count;
        int started = state.Results.Count + running;
        return Math.Max(0, Math.Min(budget.MaxParallel - running, budget.MaxTrials - started));
    }

    /// <summary>
    /// Why the search should stop, if it should. Budget exhaustion waits for running trials so their results count;
    /// a met threshold stops at once (running trials may still finish, but nothing new starts).
    /// </summary>
    public static SearchStopReason StopReason(SearchBudget budget, SearchState state)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(state);
        if (budget.StopWhenThresholdMet && budget.Threshold is double threshold && ThresholdMet(threshold, state))
        {
            return SearchStopReason.ThresholdMet;
        }

        return state.Results.Count >= budget.MaxTrials && state.RunningTrials().Count == 0
            ? SearchStopReason.BudgetExhausted
            : SearchStopReason.None;
    }

    public static SearchStep Next(ISearchStrategy strategy, SearchBudget budget, SearchState state)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        SearchStopReason reason = StopReason(budget, state);
        if (reason != SearchStopReason.None)
        {
            return new SearchStep([], reason);
        }

        int capacity = Capacity(budget, state);
        IReadOnlyList<TrialProposal> proposals = capacity > 0 ? strategy.Propose(state, capacity) : [];
        return proposals.Count == 0 && state.RunningTrials().Count == 0
            ? new SearchStep([], capacity > 0 ? SearchStopReason.SpaceExhausted : SearchStopReason.BudgetExhausted)
            : new SearchStep(proposals, SearchStopReason.None);
    }

    public static TrialResult? Best(SearchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Results
            .Where(r => r.Status == TrialStatus.Completed)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.TrialNumber)
            .FirstOrDefault();
    }

    private static bool ThresholdMet(double threshold, SearchState state) =>
        Best(state) is { } best && best.Score >= threshold;
}
