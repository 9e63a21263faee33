using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public sealed class ExperimentRequestTests
{
    [Fact]
    public void The_defaults_are_valid_and_run_all_four_strategies()
    {
        var request = new ExperimentRequest("credit");

        Assert.Empty(request.Validate());
        Assert.Equal(32, ExperimentRequest.DefaultSearch.Sum(s => s.Trials));
        Assert.Equal(4, ExperimentRequest.DefaultSearch.Select(s => s.Strategy).Distinct().Count());
    }

    [Fact]
    public void Every_problem_is_named()
    {
        var request = new ExperimentRequest(
            string.Empty,
            Search: [new SearchStage(SearchStrategyKind.Random, 4), new SearchStage(SearchStrategyKind.Random, 4)],
            Folds: 1,
            MaxParallel: 0,
            ModelName: "bad name");

        IReadOnlyList<string> problems = request.Validate();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("Random strategy more than once", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("folds", StringComparison.Ordinal));
    }

    [Fact]
    public void Class_weights_and_the_threshold_objective_default_to_none_and_f1_and_unknown_values_are_named()
    {
        var request = new ExperimentRequest("credit", ClassWeights: (ClassWeighting)7, ThresholdObjective: (ThresholdObjective)9);

        Assert.Equal((ClassWeighting.None, ThresholdObjective.F1), (new ExperimentRequest("credit").ClassWeights, new ExperimentRequest("credit").ThresholdObjective));
        Assert.Equal(
            ["classWeights must be one of None, Balanced", "thresholdObjective must be one of F1, Youden"],
            request.Validate());
    }

    [Fact]
    public void The_caller_becomes_the_requester_whatever_the_body_said()
    {
        var request = new ExperimentRequest("credit", RequestedBy: "someone-else");

        Assert.Equal("data-scientist", ((ExperimentRequest)((MLOps.Core.Pipelines.IPipelineInput)request).ForCaller("data-scientist")).RequestedBy);
    }

    [Fact]
    public void Two_huge_stages_are_a_problem_not_an_overflow()
    {
        var request = new ExperimentRequest("credit", Search: [new SearchStage(SearchStrategyKind.Grid, int.MaxValue), new SearchStage(SearchStrategyKind.Random, int.MaxValue)]);

        Assert.Equal(["search[0].trials must be from 1 to 512", "search[1].trials must be from 1 to 512"], request.Validate());
    }

    [Fact]
    public void Stages_that_each_fit_but_not_together_are_a_problem()
    {
        var request = new ExperimentRequest("credit", Search: [new SearchStage(SearchStrategyKind.Grid, 300), new SearchStage(SearchStrategyKind.Random, 300)]);

        Assert.Equal(["search may run 512 trials in all at most"], request.Validate());
    }

    [Fact]
    public void Null_items_and_unusable_ranges_are_named_by_their_place()
    {
        var request = new ExperimentRequest(
            "credit",
            Search: [null!],
            Algorithms: [null!],
            Spaces:
            [
                null!,
                new SearchSpace("FastTree", [ParameterRange.Integer("numberOfLeaves", 64, 4), null!]),
                new SearchSpace("LightGbm", [ParameterRange.LogFloat("learningRate", 0, 1), new ParameterRange("x", ParameterKind.Integer, 1.5, 3)]),
                new SearchSpace("FastForest", [ParameterRange.Categorical("c")]),
            ]);

        IReadOnlyList<string> problems = request.Validate();

        Assert.Contains("search[0] must not be null", problems);
        Assert.Contains(problems, p => p.StartsWith("algorithms[0]: must be 1 to 256 characters", StringComparison.Ordinal));
        Assert.Contains("spaces[0] must not be null", problems);
        Assert.Contains("spaces[1].parameters[0]: low and high must be finite numbers with low <= high", problems);
        Assert.Contains("spaces[1].parameters[1] must not be null", problems);
        Assert.Contains("spaces[2].parameters[0].low must be positive for a LogFloat range", problems);
        Assert.Contains("spaces[2].parameters[1]: low and high must be integers for an Integer range", problems);
        Assert.Contains(problems, p => p.StartsWith("spaces[3].parameters[0].choices", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Not_A_Slug", null, "project: must be a lower-case slug")]
    [InlineData("credit", "x\u0001y", "experiment: must be 1 to 256 characters")]
    public void Names_follow_the_one_set_of_rules(string project, string? experiment, string expected)
    {
        var request = new ExperimentRequest(project, Experiment: experiment is null ? null : System.Text.RegularExpressions.Regex.Unescape(experiment));

        Assert.Contains(request.Validate(), p => p.StartsWith(expected, StringComparison.Ordinal));
    }
}
