using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class SearchStrategiesTests
{
    [Theory]
    [InlineData(SearchStrategyKind.Grid)]
    [InlineData(SearchStrategyKind.Random)]
    [InlineData(SearchStrategyKind.Bayesian)]
    [InlineData(SearchStrategyKind.Genetic)]
    public void Create_builds_the_asked_kind(SearchStrategyKind kind) =>
        Assert.Equal(kind, SearchStrategies.Create(kind).Kind);

    [Theory]
    [InlineData(SearchStrategyKind.Grid)]
    [InlineData(SearchStrategyKind.Random)]
    [InlineData(SearchStrategyKind.Bayesian)]
    [InlineData(SearchStrategyKind.Genetic)]
    public void Replaying_the_same_state_gives_the_same_proposals(SearchStrategyKind kind)
    {
        // A fresh instance per replay, as an orchestrator would create on every replay.
        SearchState state = SearchFixtures.Run(SearchStrategies.Create(kind), 17, kind == SearchStrategyKind.Grid ? 4 : 16, batch: 8);

        var first = SearchStrategies.Create(kind).Propose(state, 4);
        var replay = SearchStrategies.Create(kind).Propose(state, 4);

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(Describe), replay.Select(Describe));
    }

    private static string Describe(TrialProposal p) =>
        $"{p.TrialNumber}:{p.Algorithm}:{string.Join(",", p.Parameters.Select(kv => kv.Key + "=" + kv.Value))}";
}
