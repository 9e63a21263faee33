namespace MLOps.Core.Security;

/// <summary>What a caller may do. Starting a pipeline is checked against the pipeline's own start roles.</summary>
public enum Permission
{
    StartPipeline,
    ReadInstances,
    RaiseEvent,
    TerminateInstance,
    PurgeInstance,
    ReadAudit,
    VerifyAudit,
    DeliverEvents,
}
