namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// One row of an endpoint's routing table: a package (by digest), the share of requests its deployment answers and
/// the share of requests it scores as a mirror (logged, never answered). Answered shares of a table sum to 100;
/// mirror shares sum to at most 50. Shares are percentages with a resolution of 0.01.
/// </summary>
public sealed record TrafficWeight(string Package, double TrafficPercent, double MirrorPercent = 0);
