namespace MLOps.Core.Pipelines;

/// <summary>
/// A pipeline input whose runs must never overlap on what they change: a run is started only while no other run holds
/// any of its <see cref="Resources"/> (a second one is refused, 409, naming the run in flight).
/// </summary>
public interface IExclusivePipelineInput : IPipelineInput
{
    /// <summary>What a run changes, as stable names (e.g. <c>credit/endpoints/staging</c>).</summary>
    IReadOnlyList<string> Resources { get; }
}
