using Microsoft.DurableTask;
using Moq;
using MLOps.Activities.Experiments;
using MLOps.Core.Experiments;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations;

namespace MLOps.UnitTests.Orchestrations;

public class HyperparameterSearchOrchestratorTests
{
    [Fact]
    public async Task Trials_run_in_batches_no_larger_than_the_parallelism_until_the_budget_is_spent()
    {
        Mock<TaskOrchestrationContext> context = Context(score: 0.7, out List<int> batchSizes, out List<TrialRequest> requests);
        ExperimentPlan plan = ExperimentOrchestratorTests.Plan with { MaxParallel = 3 };

        SearchStageResult result = await new HyperparameterSearchOrchestrator().RunAsync(
            context.Object, new SearchStageRequest(plan, new SearchStage(SearchStrategyKind.Random, 10), []));

        Assert.Equal(10, result.Trials.Count);
        Assert.Equal(SearchStopReason.BudgetExhausted, result.StopReason);
        Assert.All(batchSizes, size => Assert.InRange(size, 1, 3));
        Assert.Equal(Enumerable.Range(0, 10), requests.Select(r => r.Proposal.TrialNumber));

        // Later trials are told the fold scores of the completed ones, for median stopping.
        Assert.Empty(requests[0].CompletedFoldScores);
        Assert.Equal(9, requests[^1].CompletedFoldScores.Count);
    }

    [Fact]
    public async Task A_met_threshold_stops_the_stage_after_the_first_batch_when_asked()
    {
        Mock<TaskOrchestrationContext> context = Context(score: 0.85, out _, out List<TrialRequest> requests);
        ExperimentPlan plan = ExperimentOrchestratorTests.Plan with { MaxParallel = 2, StopWhenThresholdMet = true };

        SearchStageResult result = await new HyperparameterSearchOrchestrator().RunAsync(
            context.Object, new SearchStageRequest(plan, new SearchStage(SearchStrategyKind.Random, 16), []));

        Assert.Equal(2, result.Trials.Count);
        Assert.Equal(2, requests.Count);
        Assert.Equal(SearchStopReason.ThresholdMet, result.StopReason);
    }

    private static Mock<TaskOrchestrationContext> Context(double score, out List<int> batchSizes, out List<TrialRequest> requests)
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        var sizes = new List<int>();
        var seen = new List<TrialRequest>();
        batchSizes = sizes;
        requests = seen;
        int pending = 0;
        context.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback(() =>
        {
            sizes.Add(pending);
            pending = 0;
        });
        context.Setup(c => c.CallActivityAsync<TrialOutcome>(
                It.Is<TaskName>(n => n.Name == nameof(RunTrialActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) =>
            {
                var request = (TrialRequest)input!;
                seen.Add(request);
                pending++;
                TrialProposal p = request.Proposal;
                return new TrialOutcome(
                    $"run-{p.TrialNumber}", request.Stage,
                    new TrialResult(p.TrialNumber, p.Algorithm, p.Parameters, score, TrialStatus.Completed, [score, score, score]),
                    new Dictionary<string, double>());
            });
        return context;
    }
}
