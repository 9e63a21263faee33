using MLOps.Core.Delivery.Gates;

namespace MLOps.Core.Delivery;

/// <summary>
/// Puts the endpoints a run changed (<see cref="Changed"/>) back on their previous deployment alone and the champion
/// back where it was, and says why with the gate figures. <see cref="Discard"/>: not a failure, the run only compared
/// (a shadow, an A/B test the new package did not win): published as discarded, not rolled back.
/// </summary>
public sealed record RollbackRequest(
    string RunId,
    string Project,
    DeployedPackage Candidate,
    IReadOnlyList<EndpointRollout> Endpoints,
    IReadOnlyList<string> Changed,
    int? PreviousChampion,
    string Reason,
    IReadOnlyList<GateFigure> Gates,
    bool Discard = false);
