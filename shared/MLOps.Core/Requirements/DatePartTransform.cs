namespace MLOps.Core.Requirements;

/// <summary>One calendar component of a date-time column.</summary>
public sealed record DatePartTransform : FeatureTransform
{
    public required DatePart Part { get; init; }
}
