namespace MLOps.Core.Requirements;

/// <summary>Features must be computable from declared columns, must not read the label and must fit their transform.</summary>
internal static class FeatureChecks
{
    public static void Check(SpecCheckContext context)
    {
        ProjectSpec spec = context.Spec;
        if (spec.Features is { Count: 0 })
        {
            context.Add("$.features", "must define at least one feature");
        }

        HashSet<string> names = new(StringComparer.Ordinal);
        foreach ((FeatureDefinition feature, int i) in SpecCheckContext.Each(spec.Features))
        {
            string path = $"$.features[{i}]";
            if (string.IsNullOrWhiteSpace(feature.Name))
            {
                context.Add(path + ".name", "must not be empty");
            }
            else if (!names.Add(feature.Name))
            {
                context.Add(path + ".name", $"feature '{feature.Name}' is defined more than once");
            }

            CheckSources(context, feature, path);
            CheckTransform(context, feature, path + ".transform");
        }
    }

    private static void CheckSources(SpecCheckContext context, FeatureDefinition feature, string path)
    {
        IReadOnlyList<string> sources = feature.Sources ?? [];
        if (feature.Sources is { Count: 0 })
        {
            context.Add(path + ".sources", "must name at least one column");
        }

        for (int j = 0; j < sources.Count; j++)
        {
            string sourcePath = $"{path}.sources[{j}]";
            if (sources[j] is not { } source || !context.RequireDeclared(source, sourcePath, "Source column"))
            {
                continue;
            }

            if (source == context.Spec.Target?.Column)
            {
                context.Add(sourcePath, $"feature reads the target column '{source}': that is label leakage");
            }

            SensitiveAttribute? sensitive = context.Spec.SensitiveAttributes?.FirstOrDefault(a => a?.Column == source);
            if (sensitive is { AllowAsFeature: false })
            {
                context.Add(sourcePath, $"'{source}' is a sensitive attribute; set allowAsFeature on it to use it as an input");
            }

            ColumnRule rule = context.Columns[source];
            if (feature.Transform is StandardizeTransform or BucketizeTransform or LogTransform or RatioTransform && !rule.IsNumeric)
            {
                context.Add(sourcePath, $"{feature.Transform.GetType().Name} needs a numeric column; '{source}' is {rule.Type}");
            }
            else if (feature.Transform is DatePartTransform && rule.Type != ColumnType.DateTime)
            {
                context.Add(sourcePath, $"DatePart needs a DateTime column; '{source}' is {rule.Type}");
            }
            else if (feature.Transform is LogTransform log && rule.Min is { } min && min + log.Offset <= 0)
            {
                context.Add(path + ".transform.offset", $"ln(x + {log.Offset}) is undefined at the declared minimum {min} of '{source}'");
            }
        }

        int? expected = feature.Transform switch
        {
            null or HashingTransform => null,
            RatioTransform => 2,
            _ => 1,
        };
        if (expected is { } count && feature.Sources is not null && sources.Count != count)
        {
            context.Add(path + ".sources", $"{feature.Transform!.GetType().Name} takes {count} source column(s), not {sources.Count}");
        }
    }

    private static void CheckTransform(SpecCheckContext context, FeatureDefinition feature, string path)
    {
        switch (feature.Transform)
        {
            case HashingTransform { Buckets: < 2 } hashing:
                context.Add(path + ".buckets", $"must be at least 2, not {hashing.Buckets}");
                break;
            case OneHotTransform { MaxCategories: < 1 or > OneHotTransform.CountedCategories } oneHot:
                context.Add(path + ".maxCategories", $"must be between 1 and {OneHotTransform.CountedCategories}, not {oneHot.MaxCategories}");
                break;
            case BucketizeTransform bucketize:
                CheckIncreasing(context, bucketize.Boundaries, path + ".boundaries");
                break;
            case RatioTransform ratio:
                CheckRatioColumn(context, feature, ratio.Numerator, path + ".numerator", "Numerator");
                CheckRatioColumn(context, feature, ratio.Denominator, path + ".denominator", "Denominator");
                break;
        }
    }

    private static void CheckRatioColumn(SpecCheckContext context, FeatureDefinition feature, string? column, string path, string what)
    {
        if (context.RequireDeclared(column, path, what) && feature.Sources is { } sources && !sources.Contains(column))
        {
            context.Add(path, $"{what} '{column}' is not one of the feature's sources");
        }
    }

    internal static void CheckIncreasing(SpecCheckContext context, IReadOnlyList<double>? boundaries, string path)
    {
        if (boundaries is null)
        {
            return;
        }

        if (boundaries.Count == 0)
        {
            context.Add(path, "must list at least one boundary");
        }

        for (int k = 1; k < boundaries.Count; k++)
        {
            if (!(boundaries[k] > boundaries[k - 1]))
            {
                context.Add($"{path}[{k}]", $"boundaries must increase strictly; {boundaries[k]} follows {boundaries[k - 1]}");
            }
        }
    }
}
