using Microsoft.DurableTask;
using MLOps.Activities.Serving;
using MLOps.Core.DataEngineering;
using MLOps.Core.Pipelines;
using MLOps.Core.Requirements;
using MLOps.Core.Serving.Batch;
using MLOps.Core.Serving.Endpoints;
using MLOps.Orchestrations;
using Moq;

namespace MLOps.UnitTests.Orchestrations;

public class BatchScoringOrchestratorTests
{
    private static readonly BatchScoringRequest Request = new("credit", "scores", "landing/credit/apps.csv");

    private static readonly Deployment Deployment = new()
    {
        Id = "d-aaaaaaaaaaaa", Package = new string('a', 64), Model = "credit", ModelVersion = 2, Task = ModelTask.BinaryClassification,
        CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "ops",
    };

    private static BatchScoringPlan Plan(bool committed) => new(
        Request,
        Deployment,
        new IngestedFile("credit", "credit/apps.csv", "\"0x1\"", null, "ab", 300, 25, ["a"], "credit/raw/ab.csv", true, [10, 100, 200], [["a"]]),
        10,
        BatchOutput.Container,
        "credit/aaaa/ab.csv",
        committed);

    [Fact]
    public async Task Every_chunk_is_scored_then_committed_in_one_step_with_progress_per_chunk()
    {
        var context = new OrchestrationContextMock("batch-1");
        BatchScoringPlan plan = Plan(committed: false);
        Setup(context, nameof(PrepareBatchScoringActivity), plan);
        var cells = new List<int>();
        context.Mock.Setup(c => c.CallActivityAsync<BatchChunkResult>(
                It.Is<TaskName>(n => n.Name == nameof(ScoreBatchChunkActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => cells.Add(((BatchChunkRequest)input!).Chunk))
            .Returns<TaskName, object?, TaskOptions?>((_, input, _) => Task.FromResult(new BatchChunkResult(((BatchChunkRequest)input!).Chunk, 10, 9, 1)));
        BatchCommitRequest? committed = null;
        var report = new BatchScoringReport("predictions/credit/aaaa/ab.csv", "scores", Deployment.Id, Deployment.Package, "credit", 2, "ab", 30, 27, 3);
        context.Mock.Setup(c => c.CallActivityAsync<BatchScoringReport>(
                It.Is<TaskName>(n => n.Name == nameof(CommitBatchScoringActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => committed = (BatchCommitRequest)input!)
            .ReturnsAsync(report);

        BatchScoringReport result = await new BatchScoringOrchestrator().RunAsync(context.Object, Request);

        Assert.Same(report, result);
        Assert.Equal([0, 1, 2], cells.Order());
        Assert.Equal([0, 1, 2], committed!.Chunks.Select(c => c.Chunk).Order());
        Assert.Equal(["prepare", "score", "score", "score", "score", "commit", "completed"], context.Statuses.Select(s => s.Stage));
        Assert.Equal([0, 1, 2, 3], context.Statuses.Where(s => s.Stage == "score").Select(s => s.Completed));
        Assert.All(context.Statuses.Where(s => s.Stage == "score"), s => Assert.Equal(3, s.Total));
        Assert.Equal("30 of 25 records scored or refused", context.Statuses.Last(s => s.Stage == "score").Detail);
        Assert.Equal([PipelineState.Started, PipelineState.Completed], context.States);
    }

    [Fact]
    public async Task An_input_already_scored_by_the_package_is_reported_without_scoring_again()
    {
        var context = new OrchestrationContextMock("batch-2");
        Setup(context, nameof(PrepareBatchScoringActivity), Plan(committed: true));
        var report = new BatchScoringReport("predictions/credit/aaaa/ab.csv", "scores", Deployment.Id, Deployment.Package, "credit", 2, "ab", 25, 25, 0);
        Setup(context, nameof(CommitBatchScoringActivity), report);

        Assert.Same(report, await new BatchScoringOrchestrator().RunAsync(context.Object, Request));

        context.Mock.Verify(c => c.CallActivityAsync<BatchChunkResult>(
            It.Is<TaskName>(n => n.Name == nameof(ScoreBatchChunkActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Never);
    }

    [Fact]
    public async Task A_chunk_that_fails_after_its_retries_fails_the_run_and_commits_nothing()
    {
        var context = new OrchestrationContextMock("batch-3");
        Setup(context, nameof(PrepareBatchScoringActivity), Plan(committed: false));
        context.Mock.Setup(c => c.CallActivityAsync<BatchChunkResult>(
                It.Is<TaskName>(n => n.Name == nameof(ScoreBatchChunkActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new InvalidOperationException("None of the 1 ONNX worker(s) is ready."));

        await Assert.ThrowsAsync<InvalidOperationException>(() => new BatchScoringOrchestrator().RunAsync(context.Object, Request));

        Assert.Equal([PipelineState.Started, PipelineState.Failed], context.States);
        Assert.Contains("ready", context.Lifecycle[^1].Detail, StringComparison.Ordinal);
    }

    private static void Setup<T>(OrchestrationContextMock context, string activity, T result) =>
        context.Mock.Setup(c => c.CallActivityAsync<T>(It.Is<TaskName>(n => n.Name == activity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(result);
}
