using MLOps.Core.Serving.Endpoints;

namespace MLOps.Core.Delivery;

/// <summary>A routing table a run applies to an endpoint, and why (audited with the change).</summary>
public sealed record TrafficChange(string Project, string Endpoint, IReadOnlyList<TrafficWeight> Table, string RunId, string Reason);
