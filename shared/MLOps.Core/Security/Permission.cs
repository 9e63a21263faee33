namespace MLOps.Core.Security;

/// <summary>What a caller may do. Starting a pipeline is checked against the pipeline's own start roles instead.</summary>
public enum Permission
{
    ReadInstances,
    RaiseEvent,
    TerminateInstance,
    PurgeInstance,
    ReadAudit,
    VerifyAudit,
    DeliverEvents,
    ReadProjects,
}
