namespace MLOps.Core.Serving.Endpoints;

/// <summary>
/// Changes which deployments an endpoint routes to, and with which shares: the port continuous deployment (and an
/// operator's audited override) moves traffic through.
/// </summary>
public interface IEndpointTraffic
{
    /// <summary>
    /// Makes <paramref name="table"/> the endpoint's routing table, creating the endpoint when it does not exist.
    /// Packages not yet deployed are opened, verified and loaded on the ready workers before the table changes (a
    /// package that does not verify or that a worker refuses throws <see cref="Scoring.PackageRefusedException"/>
    /// and changes nothing; an unknown digest throws <see cref="KeyNotFoundException"/>). Deployments the table does
    /// not name are retired: no new request is routed to them, and they are unloaded only after a drain delay, so
    /// requests in flight finish. Idempotent: the table the endpoint already has is no new revision and no new audit
    /// record. Each change is conditional on the revision read (a concurrent change throws
    /// <see cref="EndpointConflictException"/>), audited with <paramref name="reason"/>, and returns the endpoint as stored.
    /// Throws <see cref="ArgumentException"/> naming the field when the table is not valid (shares, sums, duplicates).
    /// </summary>
    Task<ServingEndpoint> ApplyAsync(
        string project, string endpoint, IReadOnlyList<TrafficWeight> table, string principal, string reason, CancellationToken cancellationToken = default);
}
