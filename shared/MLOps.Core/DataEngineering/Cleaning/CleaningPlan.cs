namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// The declared cleaning actions. Applied to each row in a fixed order: drop exact duplicates (of the raw row),
/// normalise spellings, drop rows offending a DropRow rule, null out or clip offending values, impute what is
/// missing (so values nulled out are then imputed where the column has an imputation).
/// </summary>
public sealed record CleaningPlan
{
    public bool DropDuplicateRows { get; init; }

    public IReadOnlyList<string> NormaliseColumns { get; init; } = [];

    public IReadOnlyList<InvalidValueRule> InvalidValues { get; init; } = [];

    public IReadOnlyList<ImputeRule> Imputations { get; init; } = [];
}
