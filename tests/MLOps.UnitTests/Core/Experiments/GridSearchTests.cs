using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class GridSearchTests
{
    private static readonly GridSearch Grid = new(new GridSearchOptions());

    [Fact]
    public void Levels_are_linear_geometric_or_every_choice()
    {
        Assert.Equal(["0", "0.5", "1"], GridLevels.For(new ParameterRange("x", ParameterKind.Float, 0, 1), 3));
        Assert.Equal(["1", "6", "10"], GridLevels.For(new ParameterRange("n", ParameterKind.Integer, 1, 10), 3));
        Assert.Equal(["a", "b"], GridLevels.For(new ParameterRange("c", ParameterKind.Categorical, 0, 0, ["a", "b"]), 3));

        IReadOnlyList<string> log = GridLevels.For(new ParameterRange("l", ParameterKind.LogFloat, 0.001, 10), 3);
        Assert.Equal("0.001", log[0]);
        Assert.Equal(0.1, double.Parse(log[1], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal("10", log[2]);
    }

    [Fact]
    public void Integer_levels_that_round_together_are_deduplicated()
    {
        Assert.Equal(["1", "2"], GridLevels.For(new ParameterRange("n", ParameterKind.Integer, 1, 2), 3));
        Assert.Equal(["3"], GridLevels.For(new ParameterRange("n", ParameterKind.Integer, 3, 3), 4));
    }

    [Fact]
    public void The_first_parameter_varies_slowest()
    {
        var space = new SearchSpace("a", [
            new ParameterRange("x", ParameterKind.Float, 0, 1),
            new ParameterRange("c", ParameterKind.Categorical, 0, 0, ["u", "v"])]);

        var points = Grid.Enumerate([space]).Select(p => p.Parameters["x"] + "/" + p.Parameters["c"]).ToList();

        Assert.Equal(["0/u", "0/v", "0.5/u", "0.5/v", "1/u", "1/v"], points);
    }

    [Fact]
    public void Algorithms_take_turns_until_each_grid_runs_out()
    {
        var a = new SearchSpace("a", [new ParameterRange("n", ParameterKind.Integer, 1, 2)]);
        var b = new SearchSpace("b", [new ParameterRange("c", ParameterKind.Categorical, 0, 0, ["p", "q", "r"])]);

        var order = Grid.Enumerate([a, b]).Select(p => p.Algorithm + string.Concat(p.Parameters.Values)).ToList();

        Assert.Equal(["a1", "bp", "a2", "bq", "br"], order);
    }

    [Fact]
    public void Proposals_skip_tried_and_running_points_and_keep_numbering()
    {
        var space = new SearchSpace("a", [new ParameterRange("n", ParameterKind.Integer, 1, 5)]);
        var grid = new GridSearch(new GridSearchOptions(Levels: 5));
        var state = new SearchState(
            [space],
            0,
            [new TrialResult(0, "a", new Dictionary<string, string> { ["n"] = "1" }, 0.5, TrialStatus.Completed)],
            [new TrialProposal(1, "a", new Dictionary<string, string> { ["n"] = "3" })]);

        IReadOnlyList<TrialProposal> next = grid.Propose(state, 10);

        Assert.Equal(["2", "4", "5"], next.Select(p => p.Parameters["n"]));
        Assert.Equal([2, 3, 4], next.Select(p => p.TrialNumber));
    }

    [Fact]
    public void Per_parameter_levels_override_the_default()
    {
        var grid = new GridSearch(new GridSearchOptions(2, new Dictionary<string, int> { ["x"] = 5 }));

        Assert.Equal(5 * 2, grid.Enumerate([SearchFixtures.Synthetic]).Count());
    }
}
