using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class SearchControllerTests
{
    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    [Fact]
    public void Capacity_is_free_slots_capped_by_the_remaining_budget()
    {
        var budget = new SearchBudget(MaxTrials: 10, MaxParallel: 4);

        Assert.Equal(4, SearchController.Capacity(budget, State(done: 0, running: 0)));
        Assert.Equal(1, SearchController.Capacity(budget, State(done: 2, running: 3)));
        Assert.Equal(2, SearchController.Capacity(budget, State(done: 7, running: 1)));
        Assert.Equal(0, SearchController.Capacity(budget, State(done: 8, running: 2)));
    }

    [Fact]
    public void A_met_threshold_stops_only_when_asked_to()
    {
        SearchState state = State(done: 3, running: 1, bestScore: 0.91);

        Assert.Equal(SearchStopReason.ThresholdMet, SearchController.StopReason(new SearchBudget(10, 2, true, 0.9), state));
        Assert.Equal(SearchStopReason.None, SearchController.StopReason(new SearchBudget(10, 2, false, 0.9), state));
        Assert.Equal(SearchStopReason.None, SearchController.StopReason(new SearchBudget(10, 2, true, 0.95), state));
    }

    [Fact]
    public void Failed_trials_never_meet_the_threshold()
    {
        var failed = new TrialResult(0, "a", NoParameters, 99, TrialStatus.Failed);
        var state = new SearchState([SearchFixtures.Synthetic], 0, [failed]);

        Assert.Equal(SearchStopReason.None, SearchController.StopReason(new SearchBudget(10, 2, true, 0.9), state));
    }

    [Fact]
    public void An_exhausted_budget_waits_for_running_trials()
    {
        var budget = new SearchBudget(MaxTrials: 4, MaxParallel: 2);

        SearchStep waiting = SearchController.Next(new RandomSearch(), budget, State(done: 3, running: 1));
        SearchStep done = SearchController.Next(new RandomSearch(), budget, State(done: 4, running: 0));

        Assert.Equal((false, 0), (waiting.Stop, waiting.Proposals.Count));
        Assert.Equal(SearchStopReason.BudgetExhausted, done.Reason);
    }

    [Fact]
    public void Next_proposes_up_to_capacity_with_fresh_numbers()
    {
        SearchStep step = SearchController.Next(new RandomSearch(), new SearchBudget(10, 3), State(done: 2, running: 1));

        Assert.Equal([3, 4], step.Proposals.Select(p => p.TrialNumber));
    }

    [Fact]
    public void A_finished_grid_stops_the_search()
    {
        var space = new SearchSpace("a", [new ParameterRange("c", ParameterKind.Categorical, 0, 0, ["only"])]);
        var state = new SearchState(
            [space], 0, [new TrialResult(0, "a", new Dictionary<string, string> { ["c"] = "only" }, 0, TrialStatus.Completed)]);

        SearchStep step = SearchController.Next(new GridSearch(new GridSearchOptions()), new SearchBudget(10, 2), state);

        Assert.Equal(SearchStopReason.SpaceExhausted, step.Reason);
    }

    private static SearchState State(int done, int running, double bestScore = 0.5)
    {
        var results = Enumerable.Range(0, done)
            .Select(i => new TrialResult(i, "synthetic", NoParameters, i == 0 ? bestScore : 0, TrialStatus.Completed));
        var pending = Enumerable.Range(done, running).Select(i => new TrialProposal(i, "synthetic", NoParameters));
        return new SearchState([SearchFixtures.Synthetic], 0, results.ToList(), pending.ToList());
    }
}
