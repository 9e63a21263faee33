namespace MLOps.Core.Labels;

/// <summary>
/// The observed outcome of one logged prediction of an endpoint, named either by the <see cref="RequestId"/> the
/// score answer carried (and the <see cref="Row"/> index within it, 0 for a single-row request), or by the entity
/// <see cref="Key"/> of a request that named rows by key (then it labels every prediction of that key). The
/// <see cref="Label"/> is the class name as the package answers it, or the regression target as a number in
/// invariant culture. <see cref="Time"/> is when the outcome was observed (UTC).
/// </summary>
public sealed record GroundTruthLabel
{
    public required string Project { get; init; }

    public required string Endpoint { get; init; }

    public string? RequestId { get; init; }

    /// <summary>The row's index within the request; only with <see cref="RequestId"/>. Null means row 0.</summary>
    public int? Row { get; init; }

    public string? Key { get; init; }

    public required string Label { get; init; }

    public required DateTimeOffset Time { get; init; }
}
