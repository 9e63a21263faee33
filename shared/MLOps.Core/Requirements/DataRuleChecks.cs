using MLOps.Core.DataEngineering.Cleaning;

namespace MLOps.Core.Requirements;

/// <summary>The data contract must be satisfiable: sane ranges and shares, unique column names.</summary>
internal static class DataRuleChecks
{
    public static void Check(SpecCheckContext context)
    {
        if (context.Spec.DataRules is not { } rules)
        {
            return;
        }

        if (rules.MinRows < 1)
        {
            context.Add("$.dataRules.minRows", $"must be at least 1, not {rules.MinRows}");
        }

        if (rules.ChangeGuard is { } guard && !(guard.MaxShare >= 0 && guard.MaxShare <= 1))
        {
            context.Add("$.dataRules.changeGuard.maxShare", $"must lie between 0 and 1, not {guard.MaxShare}");
        }

        if (rules.Columns is { Count: 0 })
        {
            context.Add("$.dataRules.columns", "must declare at least the target column");
        }

        CheckGuard(context, rules.ChangeGuard, "$.dataRules.changeGuard");
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach ((ColumnRule column, int i) in SpecCheckContext.Each(rules.Columns))
        {
            string path = $"$.dataRules.columns[{i}]";
            if (string.IsNullOrWhiteSpace(column.Name))
            {
                context.Add(path + ".name", "must not be empty");
            }
            else if (!seen.Add(column.Name))
            {
                context.Add(path + ".name", $"column '{column.Name}' is declared more than once");
            }

            CheckColumn(context, column, path);
        }
    }

    private static void CheckColumn(SpecCheckContext context, ColumnRule column, string path)
    {
        if (!column.IsNumeric && (column.Min is not null || column.Max is not null))
        {
            context.Add(path + (column.Min is not null ? ".min" : ".max"), $"min and max apply to Integer or Number columns, not {column.Type}");
        }
        else if (column.Min is { } min && column.Max is { } max && min > max)
        {
            context.Add(path + ".max", $"max {max} is less than min {min}");
        }

        if (column.MaxMissingShare is { } share && !(share >= 0 && share <= 1))
        {
            context.Add(path + ".maxMissingShare", $"{share} is not a share in [0, 1]");
        }

        if (column.AllowedValues is { } allowed)
        {
            if (column.Type is not (ColumnType.Categorical or ColumnType.Text or ColumnType.Boolean))
            {
                context.Add(path + ".allowedValues", $"allowed values apply to Categorical, Text or Boolean columns, not {column.Type}");
            }
            else if (allowed.Count == 0)
            {
                context.Add(path + ".allowedValues", "must list at least one value");
            }
            else if (allowed.Distinct(StringComparer.Ordinal).Count() != allowed.Count)
            {
                context.Add(path + ".allowedValues", "lists a value more than once");
            }
            else if (column.Normalise && CategorySpelling.Ambiguous(allowed) is { } clash)
            {
                context.Add(
                    path + ".allowedValues",
                    $"'{clash.First}' and '{clash.Second}' have the same canonical spelling '{clash.Canonical}', so a normalised column cannot tell them apart");
            }
        }

        if (column.Normalise && column.Type is not (ColumnType.Categorical or ColumnType.Text))
        {
            context.Add(path + ".normalise", $"spelling normalisation applies to Categorical or Text columns, not {column.Type}");
        }

        CheckGuard(context, column.ChangeGuard, path + ".changeGuard");
    }

    private static void CheckGuard(SpecCheckContext context, ChangeGuard? guard, string path)
    {
        if (guard is { MaxShare: var share } && !(share >= 0 && share <= 1))
        {
            context.Add(path + ".maxShare", $"{share} is not a share in [0, 1]");
        }
    }
}
