namespace MLOps.Core.Requirements;

/// <summary>A column the fairness report slices by (protected characteristic or a proxy for one).</summary>
public sealed record SensitiveAttribute
{
    public required string Column { get; init; }

    public string? Rationale { get; init; }

    /// <summary>For numeric attributes (age): group boundaries, right-closed like <see cref="BucketizeTransform"/>.</summary>
    public IReadOnlyList<double>? GroupBoundaries { get; init; }

    /// <summary>
    /// False by default: regulation often forbids deciding on the attribute (marital status in credit), so the
    /// validator rejects features built from it unless the spec says the use is allowed.
    /// </summary>
    public bool AllowAsFeature { get; init; }

    /// <summary>
    /// The largest demographic-parity and equal-opportunity difference the integration pipeline accepts for this
    /// attribute, in [0, 1]; absent takes the platform default (0.1).
    /// </summary>
    public double? MaxDifference { get; init; }
}
