using Microsoft.DurableTask;
using Moq;
using MLOps.Activities.Platform;
using MLOps.Core.Pipelines;

namespace MLOps.UnitTests.Orchestrations;

/// <summary>A mocked orchestration context that records lifecycle events and custom status.</summary>
internal sealed class OrchestrationContextMock
{
    public OrchestrationContextMock(string instanceId = "instance-1")
    {
        this.Mock.SetupGet(c => c.InstanceId).Returns(instanceId);
        this.Mock.Setup(c => c.CallActivityAsync<long>(
                It.Is<TaskName>(n => n.Name == nameof(RecordPipelineEventActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => this.Lifecycle.Add((PipelineLifecycleEvent)input!))
            .ReturnsAsync(1L);
        this.Mock.Setup(c => c.SetCustomStatus(It.IsAny<object?>()))
            .Callback<object?>(status =>
            {
                this.CustomStatuses.Add(status);
                if (status is PipelineProgress progress)
                {
                    this.Statuses.Add(progress);
                }
            });
    }

    public Mock<TaskOrchestrationContext> Mock { get; } = new(MockBehavior.Strict);

    public List<PipelineLifecycleEvent> Lifecycle { get; } = [];

    public List<PipelineProgress> Statuses { get; } = [];

    /// <summary>Every custom status set, of whatever type the orchestrator reports.</summary>
    public List<object?> CustomStatuses { get; } = [];

    public TaskOrchestrationContext Object => this.Mock.Object;

    public IEnumerable<PipelineState> States => this.Lifecycle.Select(e => e.State);
}
