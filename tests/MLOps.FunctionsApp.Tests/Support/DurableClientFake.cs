using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace MLOps.FunctionsApp.Tests.Support;

/// <summary>
/// A mocked <see cref="DurableTaskClient"/> that remembers the instances it scheduled, so a second start of the
/// same instance id finds it, as against a real task hub.
/// </summary>
internal sealed class DurableClientFake
{
    private readonly ConcurrentDictionary<string, OrchestrationMetadata> instances = new();

    public DurableClientFake()
    {
        // CallBase: GetInstanceAsync's base implementation calls the abstract GetInstancesAsync set up here.
        this.Mock = new Mock<DurableTaskClient>("test") { CallBase = true };
        this.Mock
            .Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, bool _, CancellationToken _) => this.instances.GetValueOrDefault(id));
        this.Mock
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName name, object? _, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                string id = options?.InstanceId ?? Guid.NewGuid().ToString("N");
                this.Add(new OrchestrationMetadata(name.Name, id) { RuntimeStatus = OrchestrationRuntimeStatus.Pending });
                return id;
            });
    }

    public Mock<DurableTaskClient> Mock { get; }

    public DurableTaskClient Client => this.Mock.Object;

    public void Add(OrchestrationMetadata instance) => this.instances[instance.InstanceId] = instance;

    public void VerifyScheduled(string orchestrator, Func<StartOrchestrationOptions?, bool> options, Times times) =>
        this.Mock.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                It.Is<TaskName>(n => n.Name == orchestrator),
                It.IsAny<object?>(),
                It.Is<StartOrchestrationOptions?>(o => options(o)),
                It.IsAny<CancellationToken>()),
            times);

    public void VerifyNothingScheduled() =>
        this.Mock.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()),
            Times.Never);
}
