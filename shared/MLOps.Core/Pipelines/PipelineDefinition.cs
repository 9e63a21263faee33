using MLOps.Core.Security;

namespace MLOps.Core.Pipelines;

/// <summary>A pipeline users can start: its route name, orchestrator, input contract and who may start it.</summary>
public sealed record PipelineDefinition(
    string Name,
    string Orchestrator,
    Type InputType,
    IReadOnlySet<Role> StartRoles,
    string Description);
