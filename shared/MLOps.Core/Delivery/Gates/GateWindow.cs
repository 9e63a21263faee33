namespace MLOps.Core.Delivery.Gates;

/// <summary>
/// What a deployment gate judges: the request log of an endpoint between <see cref="From"/> (inclusive) and
/// <see cref="To"/> (exclusive), the <see cref="Candidate"/> deployment's entries (answered or mirrored) against the
/// <see cref="Baseline"/> deployment's answered entries. No baseline (a first deployment) judges the candidate alone.
/// </summary>
public sealed record GateWindow(
    string Project, string Endpoint, string Candidate, string? Baseline, DateTimeOffset From, DateTimeOffset To);
