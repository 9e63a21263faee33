using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace MLOps.DurableLocal;

/// <summary>
/// A DTFx orchestration that builds its Microsoft.DurableTask shim only when it first runs, so the dispatcher
/// middleware can tell it the parent instance first (DTFx creates the object before the runtime state is known).
/// </summary>
internal sealed class DeferredOrchestration(TaskName name, ITaskOrchestrator orchestrator, DurableTaskShimFactory shims)
    : TaskOrchestration
{
    private TaskOrchestration? shim;

    public ParentOrchestrationInstance? Parent { get; set; }

    private TaskOrchestration Shim => this.shim ??= shims.CreateOrchestration(name, orchestrator, this.Parent);

    public override Task<string> Execute(OrchestrationContext context, string input) => this.Shim.Execute(context, input);

    public override void RaiseEvent(OrchestrationContext context, string name, string input) =>
        this.Shim.RaiseEvent(context, name, input);

    public override string GetStatus() => this.Shim.GetStatus();
}
