namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// A named scoring endpoint of a project and the deployments behind it. This issue allows one deployment per
/// endpoint (<see cref="MaxDeployments"/>); the list is there for traffic splitting, which routes by
/// <see cref="Deployment.TrafficPercent"/>. <see cref="Revision"/> counts the changes, starting at 1.
/// </summary>
public sealed record ServingEndpoint
{
    public const int MaxDeployments = 1;

    public required string Project { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<Deployment> Deployments { get; init; }

    public required int Revision { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string UpdatedBy { get; init; }

    /// <summary>The deployment a request is routed to; null when the endpoint has none.</summary>
    public Deployment? Route() => this.Deployments.Count == 0 ? null : this.Deployments[0];
}
