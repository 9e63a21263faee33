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

    /// <summary>Register model versions and move or roll back their aliases (the champion gate still applies).</summary>
    ManageModels,

    /// <summary>Approve or reject model versions; the approver's roles are what the champion gate checks.</summary>
    ApproveModels,

    /// <summary>Score records on a serving endpoint (online); batch scoring is a pipeline with its own start roles.</summary>
    Score,

    /// <summary>Point a serving endpoint at a model package (which loads it on the ONNX workers).</summary>
    ManageEndpoints,

    /// <summary>Set an endpoint's routing table by hand (answered and mirrored shares): the operator's audited override of continuous deployment.</summary>
    ManageTraffic,
}
