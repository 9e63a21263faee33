namespace MLOps.Core.Events;

public sealed class EventGridOptions
{
    public const string SectionName = "EventGrid";

    /// <summary>
    /// The topic endpoint events are published to. Locally this is the host's own webhook, so the
    /// alert-to-retraining path runs over real HTTP. Empty: publishing is off (and logged as such).
    /// </summary>
    public string? TopicEndpoint { get; set; }

    /// <summary>The topic's access key; locally an API key of a PlatformService principal.</summary>
    public string? TopicKey { get; set; }

    /// <summary>
    /// Event type → pipeline route name. Events of other types are acknowledged and ignored. A registered model
    /// version starts continuous integration, and a built package continuous deployment (when its project's spec
    /// names a deployment strategy), unless configuration routes the event elsewhere (an empty value turns it off):
    /// the routes are part of the platform, and App Service cannot carry a setting whose name has dots.
    /// </summary>
    public IDictionary<string, string> Routes { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [PlatformEventTypes.ModelRegistered] = Pipelines.PipelineNames.ContinuousIntegration,
        [PlatformEventTypes.PackageBuilt] = Pipelines.PipelineNames.ContinuousDeployment,
    };
}
