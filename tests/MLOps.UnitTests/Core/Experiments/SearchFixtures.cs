using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

/// <summary>A two-parameter synthetic objective with its optimum at x = 0.3, y = 0.01.</summary>
internal static class SearchFixtures
{
    public static readonly SearchSpace Synthetic = new(
        "synthetic",
        [
            new ParameterRange("x", ParameterKind.Float, 0, 1),
            new ParameterRange("y", ParameterKind.LogFloat, 1e-4, 1),
        ]);

    public static readonly SearchSpace Mixed = new(
        "mixed",
        [
            new ParameterRange("rate", ParameterKind.Float, 0, 1),
            new ParameterRange("leaves", ParameterKind.Integer, 2, 64),
            new ParameterRange("l2", ParameterKind.LogFloat, 1e-6, 1),
            new ParameterRange("booster", ParameterKind.Categorical, 0, 0, ["gbtree", "dart", "linear"]),
        ]);

    public static double Objective(IReadOnlyDictionary<string, string> parameters)
    {
        double x = double.Parse(parameters["x"], System.Globalization.CultureInfo.InvariantCulture);
        double y = double.Parse(parameters["y"], System.Globalization.CultureInfo.InvariantCulture);
        return -((x - 0.3) * (x - 0.3)) - Math.Pow(Math.Log(y) - Math.Log(0.01), 2);
    }

    /// <summary>Runs a search to <paramref name="trials"/> results, asking for at most <paramref name="batch"/> at a time.</summary>
    public static SearchState Run(ISearchStrategy strategy, long seed, int trials, int batch = 1)
    {
        var state = new SearchState([Synthetic], seed, []);
        while (state.Results.Count < trials)
        {
            IReadOnlyList<TrialProposal> proposals = strategy.Propose(state, Math.Min(batch, trials - state.Results.Count));
            Assert.NotEmpty(proposals);
            var results = proposals.Select(p => Completed(p, Objective(p.Parameters)));
            state = state with { Results = [.. state.Results, .. results] };
        }

        return state;
    }

    public static TrialResult Completed(TrialProposal proposal, double score) =>
        new(proposal.TrialNumber, proposal.Algorithm, proposal.Parameters, score, TrialStatus.Completed);

    public static double Best(SearchState state) => state.Results.Max(r => r.Score);
}
