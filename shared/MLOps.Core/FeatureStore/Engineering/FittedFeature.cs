using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// One feature definition with the parameters fitted on the training rows and the columns it writes, in
/// order. Only the parameters its transform needs are set, so the record serialises as plain JSON beside a model.
/// </summary>
public sealed record FittedFeature
{
    public required FeatureDefinition Definition { get; init; }

    public required IReadOnlyList<string> Outputs { get; init; }

    /// <summary>Standardize: the mean of the source column over the training rows, after imputation.</summary>
    public double? Mean { get; init; }

    /// <summary>Standardize: the population standard deviation of the same values (0 for a constant column).</summary>
    public double? StandardDeviation { get; init; }

    /// <summary>OneHot: the kept categories (the most frequent training values) in output order (ordinal), one indicator each.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>OneHot: whether the last output is the indicator of every other (folded or unseen) category.</summary>
    public bool HasOther { get; init; }
}
