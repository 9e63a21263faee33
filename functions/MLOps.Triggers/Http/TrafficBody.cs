using MLOps.Core.Naming;
using MLOps.Core.Pipelines;
using MLOps.Core.Serving.Endpoints;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>PUT …/endpoints/{endpoint}/traffic</c>: the whole routing table (<see cref="TrafficTable"/>'s rules), why it is
/// set by hand (required: it goes into the audit record), and the revision it was based on — here or as the
/// <c>If-Match</c> header (0 for "does not exist yet").
/// </summary>
public sealed record TrafficBody : IValidatable
{
    public required IReadOnlyList<TrafficWeightBody> Weights { get; init; }

    public required string Reason { get; init; }

    public int? ExpectedRevision { get; init; }

    public IReadOnlyList<TrafficWeight> Table() => [.. this.Weights.Select(w => new TrafficWeight(w.Package, w.TrafficPercent, w.MirrorPercent))];

    public IReadOnlyList<string> Validate() =>
    [
        .. TrafficTable.Problems(this.Table()),
        .. string.IsNullOrWhiteSpace(this.Reason) ? ["reason: must say why the traffic is set by hand (it is audited)"] : Array.Empty<string>(),
        .. NameRules.Reason.Problem("reason", this.Reason) is { } reason ? [reason] : Array.Empty<string>(),
        .. this.ExpectedRevision < 0 ? ["expectedRevision: must be 0 (the endpoint does not exist yet) or a revision number"] : Array.Empty<string>(),
    ];
}
