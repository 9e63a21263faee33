using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class TpeSearchTests
{
    private static readonly long[] Seeds = [1, 2, 3, 4, 5];

    [Fact]
    public void Tpe_finds_better_optima_than_random_search_with_forty_trials()
    {
        double tpe = Seeds.Average(s => SearchFixtures.Best(SearchFixtures.Run(new TpeSearch(new TpeOptions()), s, 40)));
        double random = Seeds.Average(s => SearchFixtures.Best(SearchFixtures.Run(new RandomSearch(), s, 40)));

        Assert.True(tpe > random, $"TPE {tpe} should beat random {random}");
    }

    [Fact]
    public void Startup_trials_are_the_random_ones()
    {
        var state = new SearchState([SearchFixtures.Synthetic], 8, []);

        Assert.Equal(
            new RandomSearch().Propose(state, 5).Select(p => p.Parameters),
            new TpeSearch(new TpeOptions()).Propose(state, 5).Select(p => p.Parameters));
    }

    [Fact]
    public void Model_based_proposals_are_deterministic_and_batch_independent()
    {
        SearchState state = SearchFixtures.Run(new RandomSearch(), 4, 12);
        var tpe = new TpeSearch(new TpeOptions());

        IReadOnlyList<TrialProposal> batch = tpe.Propose(state, 3);

        Assert.Equal(batch.Select(p => p.Parameters), new TpeSearch(new TpeOptions()).Propose(state, 3).Select(p => p.Parameters));
        Assert.Equal(batch[2].Parameters, tpe.Propose(state with { Running = batch.Take(2).ToList() }, 1)[0].Parameters);
    }

    [Fact]
    public void With_several_algorithms_the_better_one_is_preferred()
    {
        var other = SearchFixtures.Synthetic with { Algorithm = "other" };
        var results = new List<TrialResult>();
        for (int i = 0; i < 20; i++)
        {
            string algorithm = i % 2 == 0 ? "synthetic" : "other";
            var parameters = new Dictionary<string, string> { ["x"] = "0.5", ["y"] = "0.1" };
            results.Add(new TrialResult(i, algorithm, parameters, algorithm == "other" ? 1.0 + i : -1.0 - i, TrialStatus.Completed));
        }

        var proposals = new TpeSearch(new TpeOptions()).Propose(new SearchState([SearchFixtures.Synthetic, other], 1, results), 6);

        Assert.All(proposals, p => Assert.Equal("other", p.Algorithm));
    }
}
