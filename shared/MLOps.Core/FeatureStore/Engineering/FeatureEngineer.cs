using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// Fits a project's feature definitions on a data profile (that of the training data: statistics from any
/// later data would leak into training). The fitted set is what both the offline and the online store apply.
/// </summary>
public static class FeatureEngineer
{
    /// <summary>Fits the spec's features; the key, event-time and target columns may not be feature outputs.</summary>
    public static FittedFeatureSet Fit(ProjectSpec spec, DatasetProfile profile)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string?[] taken = [spec.EntityKey.Column, spec.EventTime, spec.Target.Column];
        return Fit(spec.Features, profile, taken.OfType<string>().ToArray());
    }

    public static FittedFeatureSet Fit(IReadOnlyList<FeatureDefinition> definitions, DatasetProfile profile, IReadOnlyList<string>? reservedColumns = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(profile);
        if (definitions.Count == 0)
        {
            throw new ArgumentException("A feature set needs at least one feature definition.", nameof(definitions));
        }

        FittedFeature[] fitted = definitions.Select(d => FitOne(d, profile)).ToArray();
        OutputNames.CheckUnique(fitted.SelectMany(f => f.Outputs.Select(o => (f.Definition.Name, o))), reservedColumns);
        return new FittedFeatureSet(FeatureDefinitionsHash.Of(definitions), fitted);
    }

    private static FittedFeature FitOne(FeatureDefinition definition, DatasetProfile profile)
    {
        ArgumentNullException.ThrowIfNull(definition);
        CheckSources(definition, profile);
        string name = definition.Name;
        return definition.Transform switch
        {
            StandardizeTransform => FitStandardize(definition, Column(definition, profile)),
            OneHotTransform oneHot => FitOneHot(definition, oneHot, Column(definition, profile)),
            HashingTransform hashing => new FittedFeature
            {
                Definition = definition,
                Outputs = Enumerable.Range(0, Positive(hashing.Buckets, name, "buckets")).Select(i => OutputNames.Of(name, $"h{i}")).ToArray(),
            },
            BucketizeTransform bucketize => CheckBoundaries(definition, bucketize),
            IdentityTransform or LogTransform or DatePartTransform or RatioTransform => new FittedFeature { Definition = definition, Outputs = [OutputNames.Of(name)] },
            _ => throw new ArgumentException($"Feature '{name}' has a transform the feature store does not know: {definition.Transform?.GetType().Name ?? "none"}."),
        };
    }

    private static void CheckSources(FeatureDefinition definition, DatasetProfile profile)
    {
        string name = definition.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A feature definition has no name.");
        }

        IReadOnlyList<string> sources = definition.Transform is RatioTransform ratio ? [ratio.Numerator, ratio.Denominator] : definition.Sources;
        bool single = definition.Transform is not (HashingTransform or RatioTransform);
        if (sources.Count == 0 || (single && sources.Count != 1))
        {
            throw new ArgumentException($"Feature '{name}' ({definition.Transform.GetType().Name}) needs exactly one source column, not {sources.Count}.");
        }

        foreach (string source in sources.Where(s => profile.Find(s) is null))
        {
            throw new InvalidDataException($"Feature '{name}' reads the column '{source}', which the data does not have.");
        }
    }

    private static ColumnProfile Column(FeatureDefinition definition, DatasetProfile profile) => profile.Find(definition.Sources[0])!;

    private static FittedFeature FitStandardize(FeatureDefinition definition, ColumnProfile column)
    {
        if (!column.IsNumeric || column.Mean is not { } mean)
        {
            throw new InvalidDataException(
                $"Feature '{definition.Name}' standardizes the column '{column.Name}', which is {column.Type}, not numeric.");
        }

        // A constant column has no spread; its standardized value is 0 rather than a division by zero.
        return new FittedFeature
        {
            Definition = definition,
            Outputs = [OutputNames.Of(definition.Name)],
            Mean = mean,
            StandardDeviation = column.StandardDeviation ?? 0,
        };
    }

    private static FittedFeature FitOneHot(FeatureDefinition definition, OneHotTransform oneHot, ColumnProfile column)
    {
        if (column.TopValues.Count == 0)
        {
            throw new InvalidDataException($"Feature '{definition.Name}' one-hot encodes the column '{column.Name}', which has no values.");
        }

        // TopValues is most frequent first (ties ordinal), so a prefix keeps the most frequent categories.
        int keep = oneHot.MaxCategories is { } max ? Positive(max, definition.Name, "maxCategories") : column.TopValues.Count;
        string[] categories = column.TopValues.Take(keep).Select(v => v.Value).Order(StringComparer.Ordinal).ToArray();
        bool hasOther = column.Distinct > categories.Length || column.DistinctIsLowerBound;
        string[] outputs = categories.Select(c => OutputNames.Of(definition.Name, c)).ToArray();
        return new FittedFeature
        {
            Definition = definition,
            Outputs = hasOther ? [.. outputs, OutputNames.Of(definition.Name, "other")] : outputs,
            Categories = categories,
            HasOther = hasOther,
        };
    }

    private static FittedFeature CheckBoundaries(FeatureDefinition definition, BucketizeTransform bucketize)
    {
        IReadOnlyList<double> b = bucketize.Boundaries;
        if (b.Count == 0 || b.Any(x => !double.IsFinite(x)) || b.Zip(b.Skip(1)).Any(p => p.First >= p.Second))
        {
            throw new ArgumentException($"Feature '{definition.Name}' needs finite, strictly increasing bucket boundaries.");
        }

        return new FittedFeature { Definition = definition, Outputs = [OutputNames.Of(definition.Name)] };
    }

    private static int Positive(int value, string feature, string what) =>
        value >= 1 ? value : throw new ArgumentException($"Feature '{feature}' needs a positive {what}, not {value}.");
}
