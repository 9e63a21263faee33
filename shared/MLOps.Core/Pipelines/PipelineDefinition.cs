using MLOps.Core.Security;

namespace MLOps.Core.Pipelines;

/// <summary>
/// A pipeline users can start: its route name, orchestrator, input contract, who may start it, and the external
/// events its runs wait for (name and payload contract), so a raised event is checked at the door.
/// </summary>
public sealed record PipelineDefinition(
    string Name,
    string Orchestrator,
    Type InputType,
    IReadOnlySet<Role> StartRoles,
    string Description,
    IReadOnlyDictionary<string, Type>? Events = null)
{
    /// <summary>The event a run of this pipeline may be sent under <paramref name="name"/> (case-insensitive, as Durable matches them).</summary>
    public bool TryGetEvent(string name, out string canonicalName, out Type payloadType)
    {
        KeyValuePair<string, Type> match = (this.Events ?? new Dictionary<string, Type>())
            .FirstOrDefault(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase));
        (canonicalName, payloadType) = (match.Key, match.Value);
        return match.Key is not null;
    }
}
