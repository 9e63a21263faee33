using Microsoft.DurableTask;
using MLOps.Activities.Experiments;
using MLOps.Core.Experiments;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations;
using MLOps.Training.Experiments;
using Moq;

namespace MLOps.UnitTests.Orchestrations;

public class ReproduceRunOrchestratorTests
{
    [Fact]
    public async Task The_run_is_trained_again_in_an_activity_and_the_pipeline_is_audited()
    {
        var context = new OrchestrationContextMock("reproduce-1");
        var request = new ReproductionRequest("credit", "exp-grid-t001");
        var expected = new RunReproduction("exp-grid-t001", new Dictionary<string, double> { ["Auc"] = 0.8 }, new Dictionary<string, double> { ["Auc"] = 0.8 }, 0);
        context.Mock.Setup(c => c.CallActivityAsync<RunReproduction>(
                It.Is<TaskName>(n => n.Name == nameof(ReproduceRunActivity)), request, It.IsAny<TaskOptions?>()))
            .ReturnsAsync(expected);

        RunReproduction result = await new ReproduceRunOrchestrator().RunAsync(context.Object, request);

        Assert.Same(expected, result);
        Assert.Equal([PipelineState.Started, PipelineState.Completed], context.States);
        Assert.All(context.Lifecycle, e => Assert.Equal(PipelineNames.Reproduce, e.Pipeline));
    }

    [Fact]
    public async Task A_run_that_cannot_be_reproduced_fails_the_pipeline_with_the_reason()
    {
        var context = new OrchestrationContextMock("reproduce-2");
        var request = new ReproductionRequest("credit", "gone");
        context.Mock.Setup(c => c.CallActivityAsync<RunReproduction>(
                It.Is<TaskName>(n => n.Name == nameof(ReproduceRunActivity)), request, It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new InvalidOperationException("Feature-set version 3 of 'credit' no longer exists."));

        await Assert.ThrowsAsync<InvalidOperationException>(() => new ReproduceRunOrchestrator().RunAsync(context.Object, request));

        Assert.Equal([PipelineState.Started, PipelineState.Failed], context.States);
        Assert.Contains("no longer exists", context.Lifecycle[^1].Detail, StringComparison.Ordinal);
    }
}
