using System.Globalization;
using MLOps.Core.Events;

namespace MLOps.Core.Registry;

/// <summary>
/// The data of <see cref="PlatformEventTypes.ModelRegistered"/>: the committed version, in the shape of the
/// continuous-integration pipeline's input, so the Event Grid route starts it unchanged (nothing else may be in it:
/// the pipeline reads its input strictly).
/// </summary>
public sealed record ModelRegisteredEvent(string Project, string Model, int Version)
{
    /// <summary>One event id per version: a commit retried after a crash publishes the same event, which the webhook ignores.</summary>
    public static PlatformEvent For(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new PlatformEvent(
            string.Create(CultureInfo.InvariantCulture, $"registry/{version.Project}/{version.Name}/v{version.Version}/registered"),
            PlatformEventTypes.ModelRegistered,
            string.Create(CultureInfo.InvariantCulture, $"projects/{version.Project}/models/{version.Name}/versions/{version.Version}"),
            new ModelRegisteredEvent(version.Project, version.Name, version.Version));
    }
}
