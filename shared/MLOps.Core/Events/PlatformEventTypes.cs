namespace MLOps.Core.Events;

/// <summary>Event types the platform publishes to its Event Grid topic.</summary>
public static class PlatformEventTypes
{
    public const string PipelineStarted = "MLOps.Pipeline.Started";
    public const string PipelineCompleted = "MLOps.Pipeline.Completed";
    public const string PipelineFailed = "MLOps.Pipeline.Failed";
    public const string MonitoringAlert = "MLOps.Monitoring.Alert";
    /// <summary>A model version was committed; its data is {project, model, version}, the input of the "ci" pipeline.</summary>
    public const string ModelRegistered = "MLOps.Registry.ModelRegistered";

    /// <summary>A build's package passed every check; its data is the build record (digest, checks, figures, report).</summary>
    public const string PackageBuilt = "MLOps.Integration.PackageBuilt";

    /// <summary>A build's package failed a check; its data is the build record naming the failed checks.</summary>
    public const string BuildFailed = "MLOps.Integration.BuildFailed";
    /// <summary>A deployment step's bake ended and its gates passed; data: <c>DeploymentNotice</c> with the figures.</summary>
    public const string DeploymentStepCompleted = "MLOps.Deployment.StepCompleted";

    /// <summary>A rollout passed: its version is champion and the old deployments are retired.</summary>
    public const string DeploymentPromoted = "MLOps.Deployment.Promoted";

    /// <summary>A rollout was rolled back (a failed gate, a refused or missing approval); data names the gate and its figures.</summary>
    public const string DeploymentRolledBack = "MLOps.Deployment.RolledBack";

    /// <summary>A rollout only compared (a shadow, an A/B test the new package did not win): the old deployments serve alone again.</summary>
    public const string DeploymentDiscarded = "MLOps.Deployment.Discarded";

    /// <summary>A deployment's approval was not given within its escalation time; the run keeps waiting until its deadline.</summary>
    public const string ApprovalEscalated = "MLOps.Deployment.ApprovalEscalated";
    public const string DiagnosticsRequested = "MLOps.Diagnostics.Requested";

    /// <summary>Azure Storage's own event for a new blob.</summary>
    public const string BlobCreated = "Microsoft.Storage.BlobCreated";
}
