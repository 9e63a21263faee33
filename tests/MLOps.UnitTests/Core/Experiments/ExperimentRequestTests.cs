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
}
