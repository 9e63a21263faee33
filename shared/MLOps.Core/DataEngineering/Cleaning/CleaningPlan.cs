namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// The declared cleaning actions. Applied to each row in a fixed order: find exact duplicates of the raw row (and
/// drop them when <see cref="DropDuplicateRows"/>), normalise spellings, drop rows offending a DropRow rule, null
/// out or clip offending values, impute what is missing (so values nulled out are then imputed where the column
/// has an imputation).
/// </summary>
public sealed record CleaningPlan
{
    public bool DropDuplicateRows { get; init; }

    public IReadOnlyList<NormaliseRule> Normalise { get; init; } = [];

    public IReadOnlyList<InvalidValueRule> InvalidValues { get; init; } = [];

    public IReadOnlyList<ImputeRule> Imputations { get; init; } = [];
}
