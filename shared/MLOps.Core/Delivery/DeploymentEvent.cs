namespace MLOps.Core.Delivery;

/// <summary>The data of the <c>MLOps.Deployment.*</c> events: the run, the package, the endpoint and step, the gate figures and what happened.</summary>
public sealed record DeploymentEvent(
    string RunId,
    string Project,
    DeployedPackage Candidate,
    string? Endpoint,
    DeployedPackage? Baseline,
    string? Step,
    IReadOnlyList<DeploymentEventGate> Gates,
    string Detail)
{
    public static DeploymentEvent Of(DeploymentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new(notice.RunId, notice.Project, notice.Candidate, notice.Endpoint, notice.Baseline, notice.Step,
            [.. notice.Gates.Select(DeploymentEventGate.Of)], notice.Detail);
    }
}
