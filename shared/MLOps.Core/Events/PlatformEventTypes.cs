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
    public const string DiagnosticsRequested = "MLOps.Diagnostics.Requested";

    /// <summary>Azure Storage's own event for a new blob.</summary>
    public const string BlobCreated = "Microsoft.Storage.BlobCreated";
}
