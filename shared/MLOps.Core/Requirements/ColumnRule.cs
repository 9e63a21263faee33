using System.Text.Json.Serialization;
using MLOps.Core.DataEngineering.Cleaning;

namespace MLOps.Core.Requirements;

/// <summary>The expectations on one raw column, for the feasibility check now and the data validator later.</summary>
public sealed record ColumnRule
{
    public required string Name { get; init; }

    public required ColumnType Type { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>
    /// The values a Categorical, Text or Boolean column may hold. Without <see cref="Normalise"/> a value matches
    /// only byte for byte (ordinal, case-sensitive); with it, a value matches the allowed value with the same
    /// canonical spelling (<see cref="SpellingNormaliser"/>) and cleaning rewrites it to that allowed value's
    /// declared spelling.
    /// </summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>
    /// Opt-in spelling normalisation (Categorical and Text columns): cleaning folds spelling variants — Unicode
    /// NFKC, case, runs of whitespace — to one spelling: the declared allowed value they match, or the canonical
    /// (lower-case) spelling when the column lists no allowed values. False (the default) keeps values byte for byte.
    /// </summary>
    public bool Normalise { get; init; }

    /// <summary>This column's own change guard, replacing <see cref="DataRules.ChangeGuard"/> for it; absent means that one.</summary>
    public ChangeGuard? ChangeGuard { get; init; }

    /// <summary>Share of missing values tolerated, in [0, 1]; absent means no limit.</summary>
    public double? MaxMissingShare { get; init; }

    public bool Unique { get; init; }

    public RuleSeverity Severity { get; init; } = RuleSeverity.Hard;

    /// <summary>
    /// How the cleaning step fills missing values; absent means the median for numbers and the mode for
    /// categories when the column tolerates missing values at all, and no imputation otherwise.
    /// </summary>
    public ImputeStrategy? Impute { get; init; }

    /// <summary>The fill value when <see cref="Impute"/> is Constant.</summary>
    public string? ImputeConstant { get; init; }

    /// <summary>What cleaning does with a value outside the range or allowed values when the rule is soft.</summary>
    public InvalidValueAction OnInvalid { get; init; } = InvalidValueAction.NullOut;

    public string? Description { get; init; }

    [JsonIgnore]
    public bool IsNumeric => this.Type is ColumnType.Integer or ColumnType.Number;
}
