using System.Globalization;
using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class RandomSearchTests
{
    [Fact]
    public void The_first_proposals_for_a_seed_are_pinned()
    {
        IReadOnlyList<TrialProposal> proposals = new RandomSearch().Propose(new SearchState([SearchFixtures.Mixed], 42, []), 2);

        // Integer arithmetic up to here; l2 goes through Math.Exp, whose last ulp belongs to the platform's libm.
        Assert.Equal(("0.6242509525934389", "15", "linear"), Pinned(proposals[0]));
        Assert.Equal(("0.8006299770303448", "41", "gbtree"), Pinned(proposals[1]));
        Assert.Equal(0.0005996943710433099, Parse(proposals[0], "l2"), 1e-17);
        Assert.Equal(0.31215590024822304, Parse(proposals[1], "l2"), 1e-14);
    }

    [Fact]
    public void Every_value_is_inside_its_range()
    {
        var state = new SearchState([SearchFixtures.Mixed], 3, []);
        IReadOnlyList<TrialProposal> proposals = new RandomSearch().Propose(state, 2_000);

        var leaves = proposals.Select(p => int.Parse(p.Parameters["leaves"], CultureInfo.InvariantCulture)).ToList();
        Assert.All(proposals, p => Assert.InRange(Parse(p, "rate"), 0, 1));
        Assert.All(proposals, p => Assert.InRange(Parse(p, "l2"), 1e-6, 1));
        Assert.Equal((2, 64), (leaves.Min(), leaves.Max()));
        Assert.Equal(["dart", "gbtree", "linear"], proposals.Select(p => p.Parameters["booster"]).Distinct().Order());
    }

    [Fact]
    public void Log_uniform_samples_have_the_geometric_mean_as_median()
    {
        var space = new SearchSpace("s", [new ParameterRange("y", ParameterKind.LogFloat, 1e-4, 1)]);
        IReadOnlyList<TrialProposal> proposals = new RandomSearch().Propose(new SearchState([space], 9, []), 10_000);

        double[] sorted = proposals.Select(p => Parse(p, "y")).Order().ToArray();
        double median = (sorted[4_999] + sorted[5_000]) / 2;

        Assert.InRange(Math.Log(median), Math.Log(0.01) - 0.15, Math.Log(0.01) + 0.15);
        Assert.InRange(sorted.Count(y => y < 1e-3), 2_300, 2_700);
    }

    [Fact]
    public void A_trial_does_not_depend_on_the_batch_it_was_asked_in()
    {
        var search = new RandomSearch();
        var state = new SearchState([SearchFixtures.Mixed], 5, []);

        TrialProposal third = search.Propose(state, 3)[2];
        var running = search.Propose(state, 2);

        Assert.Equal(third.Parameters, search.Propose(state with { Running = running }, 1)[0].Parameters);
    }

    [Fact]
    public void Algorithms_take_turns()
    {
        var state = new SearchState([SearchFixtures.Synthetic, SearchFixtures.Mixed], 1, []);

        Assert.Equal(["synthetic", "mixed", "synthetic"], new RandomSearch().Propose(state, 3).Select(p => p.Algorithm));
    }

    private static (string, string, string) Pinned(TrialProposal p) =>
        (p.Parameters["rate"], p.Parameters["leaves"], p.Parameters["booster"]);

    private static double Parse(TrialProposal proposal, string name) =>
        double.Parse(proposal.Parameters[name], CultureInfo.InvariantCulture);
}
