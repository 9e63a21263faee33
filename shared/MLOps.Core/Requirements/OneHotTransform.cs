namespace MLOps.Core.Requirements;

/// <summary>One indicator per category.</summary>
public sealed record OneHotTransform : FeatureTransform
{
    /// <summary>Rarer categories fold into one "other" indicator; absent keeps every category.</summary>
    public int? MaxCategories { get; init; }
}
