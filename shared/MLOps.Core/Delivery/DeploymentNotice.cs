using MLOps.Core.Delivery.Gates;

namespace MLOps.Core.Delivery;

/// <summary>
/// A deployment's notable moment, audited and published as a platform event of <see cref="Type"/> (data: this
/// record). <see cref="Key"/> names the moment within the run (<c>step/staging/1</c>, <c>escalated</c>, …), so a
/// retried activity audits it once and publishes an event subscribers recognise as a duplicate.
/// </summary>
public sealed record DeploymentNotice(
    string Type,
    string RunId,
    string Key,
    string Project,
    DeployedPackage Candidate,
    string? Endpoint,
    DeployedPackage? Baseline,
    string? Step,
    IReadOnlyList<GateFigure> Gates,
    string Detail);
