namespace MLOps.Core.Requirements;

/// <summary>
/// One indicator per category. Categories are counted on the cleaned, imputed training rows (never the holdout)
/// and kept by frequency, ties in ordinal order; the rest fold into one "other" indicator.
/// </summary>
public sealed record OneHotTransform : FeatureTransform
{
    /// <summary>The categories kept when <see cref="MaxCategories"/> is absent.</summary>
    public const int DefaultMaxCategories = 100;

    /// <summary>
    /// Distinct values counted per column; a value first seen after this many others is counted as "other", so
    /// no more than this many categories can be kept.
    /// </summary>
    public const int CountedCategories = 1000;

    /// <summary>At most this many categories (1 to <see cref="CountedCategories"/>); absent keeps up to <see cref="DefaultMaxCategories"/>.</summary>
    public int? MaxCategories { get; init; }
}
