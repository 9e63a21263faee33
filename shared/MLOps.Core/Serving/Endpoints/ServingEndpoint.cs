namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// A named scoring endpoint of a project and the deployments behind it (at most <see cref="MaxDeployments"/>, kept in
/// deployment-id order), each with its answered and mirrored share of the requests (<see cref="TrafficRouter"/>).
/// <see cref="Revision"/> counts the changes, starting at 1.
/// </summary>
public sealed record ServingEndpoint
{
    /// <summary>A champion, a challenger, a shadow and a warm standby: enough for a rollout, few enough to keep loaded.</summary>
    public const int MaxDeployments = 4;

    public required string Project { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<Deployment> Deployments { get; init; }

    public required int Revision { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string UpdatedBy { get; init; }

    /// <summary>
    /// The deployment with the largest answered share (the first by id among equals), which scores work that is not
    /// routed request by request, such as a batch-scoring run; null when none answers.
    /// </summary>
    public Deployment? Primary() => this.Deployments
        .Where(d => d.TrafficPercent > 0)
        .OrderByDescending(d => d.TrafficPercent)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .FirstOrDefault();
}
