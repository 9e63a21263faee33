namespace MLOps.Core.Events;

/// <summary>Event types the platform publishes to its Event Grid topic.</summary>
public static class PlatformEventTypes
{
    public const string PipelineStarted = "MLOps.Pipeline.Started";
    public const string PipelineCompleted = "MLOps.Pipeline.Completed";
    public const string PipelineFailed = "MLOps.Pipeline.Failed";
    public const string MonitoringAlert = "MLOps.Monitoring.Alert";
    public const string ModelRegistered = "MLOps.Registry.ModelRegistered";
    public const string DiagnosticsRequested = "MLOps.Diagnostics.Requested";

    /// <summary>Azure Storage's own event for a new blob.</summary>
    public const string BlobCreated = "Microsoft.Storage.BlobCreated";
}
