using Microsoft.DurableTask;
using Moq;
using MLOps.Activities.Experiments;
using MLOps.Core.Experiments;
using MLOps.Core.FeatureStore;
using MLOps.Core.Pipelines;
using MLOps.Core.Requirements;
using MLOps.Orchestrations;
using MLOps.Orchestrations.Platform;

namespace MLOps.UnitTests.Orchestrations;

public class ExperimentOrchestratorTests
{
    internal static readonly ExperimentPlan Plan = new()
    {
        Project = "credit",
        ProjectVersion = 1,
        SpecBlob = "credit/specs/s.json",
        SpecSha256 = "s",
        Task = ModelTask.BinaryClassification,
        PositiveClass = "bad",
        Acceptance = new AcceptanceGate { Metric = AcceptanceMetric.Auc, Threshold = 0.8, Direction = GateDirection.AtLeast },
        ScoreMetric = "Auc",
        FeatureSet = new FeatureSetVersion
        {
            Project = "credit", Version = 1, Sha256 = "f", DataBlob = "d", Rows = 10, EntityKey = "id", Features = ["x"],
            DefinitionsSha256 = "d", SourceBlob = "s", SourceETag = "e", RawSnapshotSha256 = "r", CreatedAt = DateTimeOffset.UnixEpoch,
        },
        Experiment = "exp",
        ModelName = "credit",
        Spaces = [new SearchSpace("LogisticRegression", [ParameterRange.LogFloat("L2Regularization", 1e-4, 1)])],
        Stages = [new SearchStage(SearchStrategyKind.Random, 40), new SearchStage(SearchStrategyKind.Genetic, 8)],
        Folds = 3,
        MaxParallel = 4,
        Seed = 42,
        StopWhenThresholdMet = false,
        MedianStopping = true,
    };

    [Fact]
    public async Task A_large_stage_runs_as_chained_chunks_and_the_best_trial_is_refitted_and_registered()
    {
        OrchestrationContextMock context = Arrange(parity: true, out List<SearchStageRequest> chunks);
        Setup(context, nameof(RegisterCandidateActivity), new RegisteredCandidate("credit", 1, "models:/credit/1", "challenger", "p", "c"));

        ExperimentReport report = await new ExperimentOrchestrator().RunAsync(context.Object, new ExperimentRequest("credit"));

        Assert.Equal([(SearchStrategyKind.Random, 32, 0), (SearchStrategyKind.Random, 40, 32), (SearchStrategyKind.Genetic, 8, 0)],
            chunks.Select(c => (c.Stage.Strategy, c.Stage.Trials, c.Prior.Count)));
        Assert.Equal(48, report.TrialsRun);
        Assert.Equal("exp-random-t039", report.BestRunId);
        Assert.Equal([PipelineState.Started, PipelineState.Completed], context.States);
    }

    [Fact]
    public async Task A_candidate_failing_onnx_parity_is_rejected_and_never_registered()
    {
        OrchestrationContextMock context = Arrange(parity: false, out _);

        PipelineFailedException error = await Assert.ThrowsAsync<PipelineFailedException>(
            () => new ExperimentOrchestrator().RunAsync(context.Object, new ExperimentRequest("credit")));

        Assert.Contains("max |Δ| 0.0125", error.Message, StringComparison.Ordinal);
        context.Mock.Verify(
            c => c.CallActivityAsync<RegisteredCandidate>(It.Is<TaskName>(n => n.Name == nameof(RegisterCandidateActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()),
            Times.Never);
    }

    private static OrchestrationContextMock Arrange(bool parity, out List<SearchStageRequest> chunks)
    {
        var context = new OrchestrationContextMock("exp-1");
        var seen = new List<SearchStageRequest>();
        chunks = seen;
        Setup(context, nameof(PlanExperimentActivity), Plan);
        context.Mock.Setup(c => c.CallSubOrchestratorAsync<SearchStageResult>(
                It.Is<TaskName>(n => n.Name == nameof(HyperparameterSearchOrchestrator)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => seen.Add((SearchStageRequest)input!))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) =>
            {
                var request = (SearchStageRequest)input!;
                TrialOutcome[] trials = Enumerable.Range(request.Prior.Count, request.Stage.Trials - request.Prior.Count)
                    .Select(n => Outcome(request.Stage.Strategy, n, 0.7 + (n / 1000.0)))
                    .ToArray();
                return new SearchStageResult(request.Stage.Strategy, trials, SearchStopReason.BudgetExhausted);
            });
        Setup(context, nameof(TrainCandidateActivity), new CandidateModel(
            "exp-random-t039", "LogisticRegression", new Dictionary<string, string>(), new Dictionary<string, double> { ["Auc"] = 0.82 }, true,
            parity, parity ? 1e-7 : 0.0125, "CPU", parity ? null : "max |Δ| 0.0125 at row 514", ["x"], [], "a", 100, []));
        return context;
    }

    private static TrialOutcome Outcome(SearchStrategyKind stage, int trial, double score) => new(
        Plan.RunId(stage, trial), stage,
        new TrialResult(trial, "LogisticRegression", new Dictionary<string, string>(), score, TrialStatus.Completed, [score]),
        new Dictionary<string, double> { ["Auc"] = score });

    private static void Setup<T>(OrchestrationContextMock context, string activity, T result) =>
        context.Mock.Setup(c => c.CallActivityAsync<T>(
                It.Is<TaskName>(n => n.Name == activity), It.IsAny<object?>(), It.Is<TaskOptions?>(o => o != null && o.Retry != null)))
            .ReturnsAsync(result);
}
