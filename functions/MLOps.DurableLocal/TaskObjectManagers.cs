using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace MLOps.DurableLocal;

/// <summary>Resolves DTFx orchestrations by name from the Microsoft.DurableTask registry.</summary>
internal sealed class OrchestrationObjectManager(
    IServiceProvider services, IDurableTaskFactory factory, DurableTaskShimFactory shims)
    : INameVersionObjectManager<TaskOrchestration>
{
    public void Add(ObjectCreator<TaskOrchestration> creator) =>
        throw new NotSupportedException("Register orchestrators through DurableTaskRegistry.");

    public TaskOrchestration? GetObject(string name, string? version)
    {
        TaskName taskName = new(name);
        return factory.TryCreateOrchestrator(taskName, services, out ITaskOrchestrator? orchestrator)
            ? new DeferredOrchestration(taskName, orchestrator, shims)
            : null;
    }
}

/// <summary>Resolves DTFx activities by name; each run gets its own DI scope.</summary>
internal sealed class ActivityObjectManager(
    IServiceProvider services, IDurableTaskFactory factory, DurableTaskShimFactory shims)
    : INameVersionObjectManager<TaskActivity>
{
    public void Add(ObjectCreator<TaskActivity> creator) =>
        throw new NotSupportedException("Register activities through DurableTaskRegistry.");

    public TaskActivity GetObject(string name, string? version) =>
        new ScopedActivity(new TaskName(name), services, factory, shims);
}
