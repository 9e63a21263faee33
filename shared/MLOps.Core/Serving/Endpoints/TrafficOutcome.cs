namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// A routing table applied to an endpoint: the endpoint as stored, whether this change created it or changed it (an
/// unchanged table is neither), and the workers that loaded the newly deployed packages now (the others load them
/// on their first score).
/// </summary>
public sealed record TrafficOutcome(ServingEndpoint Endpoint, bool Created, bool Changed, IReadOnlyList<Uri> LoadedOn);
