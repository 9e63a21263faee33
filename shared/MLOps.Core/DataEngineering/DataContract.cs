using System.Globalization;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Validation;
using MLOps.Core.Requirements;
using ProfiledType = MLOps.Core.DataEngineering.Profiling.ColumnType;
using SpecSeverity = MLOps.Core.Requirements.RuleSeverity;
using SpecType = MLOps.Core.Requirements.ColumnType;
using ValidationSeverity = MLOps.Core.DataEngineering.Validation.RuleSeverity;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Turns the spec's data rules (the requirements vocabulary) into the validator's rules and the cleaner's plan,
/// so the data pipeline enforces exactly what the project registered and hard-codes nothing. Rule ids are
/// <c>{column}.{check}</c>, stable across runs so reports can be compared.
/// </summary>
public static class DataContract
{
    /// <summary>
    /// Every rule the data pipeline holds a file to, and the spec review holds its sample to: the column rules, no
    /// rule on a key that ingestion generates (it is not in the raw data), and for a classification task the
    /// target's classes (<see cref="TargetClassesRule"/>: a single class is refused).
    /// </summary>
    public static IReadOnlyList<DataRule> ValidationRules(ProjectSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        DataRules rules = spec.EntityKey.Generated
            ? spec.DataRules with { Columns = [.. spec.DataRules.Columns.Where(c => c.Name != spec.EntityKey.Column)] }
            : spec.DataRules;
        var result = new List<DataRule>(ValidationRules(rules));
        if (spec.Task != ModelTask.Regression && rules.Find(spec.Target.Column) is { } target)
        {
            bool binary = spec.Task == ModelTask.BinaryClassification;
            result.Add(new TargetClassesRule(
                $"{target.Name}.classes",
                target.Name,
                MinClasses: 2,
                MaxClasses: binary ? 2 : null,
                RequiredClass: binary ? spec.Target.PositiveClass : null,
                target.AllowedValues,
                target.Normalise,
                ValidationSeverity.Hard,
                binary ? $"{target.Name} has both classes" : $"{target.Name} has at least two classes"));
        }

        return result;
    }

    /// <summary>The rules of the columns alone (type, range, allowed values, missing share, uniqueness) and the row count.</summary>
    public static IReadOnlyList<DataRule> ValidationRules(DataRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var result = new List<DataRule>
        {
            new MinRowCountRule("rows.min", rules.MinRows, ValidationSeverity.Hard, $"at least {rules.MinRows} rows"),
        };
        foreach (ColumnRule column in rules.Columns)
        {
            ValidationSeverity severity = Severity(column.Severity);
            string name = column.Name;

            // The column's existence and type are structural: a wrong type breaks every later step whatever the severity.
            result.Add(new ColumnTypeRule($"{name}.type", name, Profiled(column.Type), ValidationSeverity.Hard, $"{name} is {column.Type}"));
            if (column.Min is not null || column.Max is not null)
            {
                result.Add(Range(column, severity));
            }

            if (column.AllowedValues is { Count: > 0 } allowed)
            {
                result.Add(Allowed(column, allowed, severity));
            }

            if (column.MaxMissingShare is { } share)
            {
                result.Add(new MaxMissingShareRule(
                    $"{name}.missing", name, share, severity, $"{name} at most {share.ToString("P1", CultureInfo.InvariantCulture)} missing"));
            }

            if (column.Unique)
            {
                result.Add(new UniqueRule($"{name}.unique", name, severity, $"{name} unique"));
            }
        }

        return result;
    }

    /// <summary>
    /// Exact duplicates dropped only when the rules say so, spellings normalised only in columns that opt in (to
    /// the declared allowed spelling they match), soft-rule offenders handled per rule, missing values imputed
    /// where the column tolerates them (never the target's: a made-up label is worse than none).
    /// </summary>
    public static CleaningPlan CleaningPlan(DataRules rules, string? targetColumn)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var invalid = new List<InvalidValueRule>();
        var imputations = new List<ImputeRule>();
        foreach (ColumnRule column in rules.Columns)
        {
            if (column.Min is not null || column.Max is not null)
            {
                invalid.Add(new InvalidValueRule(Range(column, Severity(column.Severity)), column.OnInvalid));
            }

            if (column.AllowedValues is { Count: > 0 } allowed)
            {
                // Clipping has no meaning for a category; such a value is nulled out (and then imputed).
                InvalidValueAction action = column.OnInvalid == InvalidValueAction.Clip ? InvalidValueAction.NullOut : column.OnInvalid;
                invalid.Add(new InvalidValueRule(Allowed(column, allowed, Severity(column.Severity)), action));
            }

            if (column.Name != targetColumn && ImputeStrategyOf(column) is { } strategy)
            {
                imputations.Add(new ImputeRule(column.Name, strategy, column.ImputeConstant));
            }
        }

        return new CleaningPlan
        {
            DropDuplicateRows = rules.DropDuplicateRows,
            Normalise = rules.Columns.Where(c => c.Normalise).Select(c => new NormaliseRule(c.Name, c.AllowedValues)).ToArray(),
            InvalidValues = invalid,
            Imputations = imputations,
        };
    }

    private static ImputeStrategy? ImputeStrategyOf(ColumnRule column)
    {
        if (column.Impute is { } chosen)
        {
            return chosen;
        }

        if (column.MaxMissingShare is 0)
        {
            return null;
        }

        return column.Type switch
        {
            SpecType.Integer or SpecType.Number => ImputeStrategy.Median,
            SpecType.Categorical or SpecType.Boolean => ImputeStrategy.Mode,
            _ => null,
        };
    }

    private static RangeRule Range(ColumnRule column, ValidationSeverity severity) =>
        new($"{column.Name}.range", column.Name, column.Min, column.Max, severity,
            $"{column.Name} in [{Bound(column.Min)}, {Bound(column.Max)}]");

    private static AllowedValuesRule Allowed(ColumnRule column, IReadOnlyList<string> allowed, ValidationSeverity severity) =>
        new($"{column.Name}.allowed", column.Name, allowed, column.Normalise, severity, $"{column.Name} in the allowed set");

    private static string Bound(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "∞";

    private static ValidationSeverity Severity(SpecSeverity severity) =>
        severity == SpecSeverity.Soft ? ValidationSeverity.Soft : ValidationSeverity.Hard;

    private static ProfiledType Profiled(SpecType type) => type switch
    {
        SpecType.Integer => ProfiledType.Integer,
        SpecType.Number => ProfiledType.Real,
        SpecType.Boolean => ProfiledType.Boolean,
        SpecType.Categorical => ProfiledType.Categorical,
        SpecType.DateTime => ProfiledType.DateTime,
        _ => ProfiledType.Text,
    };
}
