using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// Fits a project's imputations and feature definitions on the statistics of its training rows — cleaned values,
/// never the holdout's, which would leak into training. The order is the order rows are processed in: clean →
/// impute (fills: median or mode of the cleaned training values, or the spec's constant) → encode (mean and
/// standard deviation, category lists: of the cleaned training values after imputation). The fitted set is what
/// both the offline and the online store apply.
/// </summary>
public static class FeatureEngineer
{
    /// <summary>Fits the spec's imputations and features; the key, event-time and target columns may not be feature outputs.</summary>
    public static FittedFeatureSet Fit(ProjectSpec spec, IReadOnlyList<ImputeRule> imputations, TrainingStatistics training)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string?[] taken = [spec.EntityKey.Column, spec.EventTime, spec.Target.Column];
        var integers = spec.DataRules.Columns.Where(c => c.Type == ColumnType.Integer).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return Fit(spec.Features, FitImputations(imputations, training, integers), training, taken.OfType<string>().ToArray());
    }

    public static FittedFeatureSet Fit(
        IReadOnlyList<FeatureDefinition> definitions,
        IReadOnlyList<FittedImputation> imputations,
        TrainingStatistics training,
        IReadOnlyList<string>? reservedColumns = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(imputations);
        ArgumentNullException.ThrowIfNull(training);
        if (definitions.Count == 0)
        {
            throw new ArgumentException("A feature set needs at least one feature definition.", nameof(definitions));
        }

        var fills = imputations.ToDictionary(i => i.Column, i => i.Fill, StringComparer.Ordinal);
        FittedFeature[] fitted = definitions.Select(d => FitOne(d, training, fills)).ToArray();
        OutputNames.CheckUnique(fitted.SelectMany(f => f.Outputs.Select(o => (f.Definition.Name, o))), reservedColumns);
        return new FittedFeatureSet(FeatureDefinitionsHash.Of(definitions), fitted, imputations);
    }

    /// <summary>
    /// The fill of each imputation: the median of the column's training numbers (rounded half to even for an
    /// Integer column, so the type is kept), the most frequent training value (ties ordinal), or the constant.
    /// </summary>
    public static IReadOnlyList<FittedImputation> FitImputations(
        IReadOnlyList<ImputeRule> rules, TrainingStatistics training, IReadOnlySet<string>? integerColumns = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(training);
        return rules.Select(rule => new FittedImputation(rule.Column, rule.Strategy, FillValue(rule, training, integerColumns))).ToArray();
    }

    private static string FillValue(ImputeRule rule, TrainingStatistics training, IReadOnlySet<string>? integerColumns)
    {
        if (rule.Strategy == ImputeStrategy.Constant)
        {
            return rule.Constant ?? throw new ArgumentException($"Imputing '{rule.Column}' with a constant needs the constant.", nameof(rule));
        }

        ColumnFitStatistics column = training.Find(rule.Column)
            ?? throw new InvalidDataException($"Column '{rule.Column}' is imputed but the data has no such column.");
        if (rule.Strategy == ImputeStrategy.Median)
        {
            double median = column.Median() is { } m && double.IsFinite(m)
                ? m
                : throw new InvalidDataException($"Column '{rule.Column}' has no numbers in its {column.Rows} training rows to take a median of.");
            bool integer = integerColumns?.Contains(rule.Column) == true;
            return DataEngineering.Profiling.ValueParsing.Format(integer ? Math.Round(median, MidpointRounding.ToEven) : median);
        }

        return column.Mode() ?? throw new InvalidDataException($"Column '{rule.Column}' has no values in its {column.Rows} training rows to take a mode of.");
    }

    private static FittedFeature FitOne(FeatureDefinition definition, TrainingStatistics training, Dictionary<string, string> fills)
    {
        ArgumentNullException.ThrowIfNull(definition);
        CheckSources(definition, training.Header);
        string name = definition.Name;
        return definition.Transform switch
        {
            StandardizeTransform => FitStandardize(definition, Column(definition, training, fills)),
            OneHotTransform oneHot => FitOneHot(definition, oneHot, Column(definition, training, fills)),
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

    private static void CheckSources(FeatureDefinition definition, IReadOnlyList<string> header)
    {
        string name = definition.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A feature definition has no name.");
        }

        IReadOnlyList<string> sources = FeatureRowEncoder.SourcesOf(definition);
        bool single = definition.Transform is not (HashingTransform or RatioTransform);
        if (sources.Count == 0 || (single && sources.Count != 1))
        {
            throw new ArgumentException($"Feature '{name}' ({definition.Transform.GetType().Name}) needs exactly one source column, not {sources.Count}.");
        }

        foreach (string source in sources.Where(s => !header.Contains(s, StringComparer.Ordinal)))
        {
            throw new InvalidDataException($"Feature '{name}' reads the column '{source}', which the data does not have.");
        }
    }

    /// <summary>The training statistics of the feature's source as they are after imputation.</summary>
    private static ColumnFitStatistics Column(FeatureDefinition definition, TrainingStatistics training, Dictionary<string, string> fills)
    {
        ColumnFitStatistics column = training.Find(definition.Sources[0])
            ?? throw new InvalidOperationException($"No training statistics were gathered for '{definition.Sources[0]}'.");
        return fills.TryGetValue(column.Column, out string? fill) ? column.Imputed(fill) : column;
    }

    private static FittedFeature FitStandardize(FeatureDefinition definition, ColumnFitStatistics column)
    {
        if (column.Numbers.Count == 0)
        {
            throw new InvalidDataException(
                $"Feature '{definition.Name}' standardizes the column '{column.Column}', which has no numbers in its {column.Rows} training rows.");
        }

        // Population standard deviation, as scikit-learn's StandardScaler. A constant column has no spread; its
        // standardized value is 0 rather than a division by zero.
        double mean = column.Numbers.Mean;
        double deviation = Math.Sqrt(column.Numbers.M2 / column.Numbers.Count);
        if (!double.IsFinite(mean) || !double.IsFinite(deviation))
        {
            throw new InvalidDataException($"Feature '{definition.Name}' cannot standardize '{column.Column}': its training values overflow a double.");
        }

        return new FittedFeature
        {
            Definition = definition,
            Outputs = [OutputNames.Of(definition.Name)],
            Mean = mean,
            StandardDeviation = deviation,
        };
    }

    private static FittedFeature FitOneHot(FeatureDefinition definition, OneHotTransform oneHot, ColumnFitStatistics column)
    {
        IReadOnlyDictionary<string, long> counts = column.Categories;
        if (counts.Count == 0)
        {
            throw new InvalidDataException($"Feature '{definition.Name}' one-hot encodes the column '{column.Column}', which has no values in its {column.Rows} training rows.");
        }

        // Most frequent first, ties in ordinal order; the kept ones are then written in ordinal order.
        int keep = oneHot.MaxCategories is { } max ? Positive(max, definition.Name, "maxCategories") : OneHotTransform.DefaultMaxCategories;
        string[] categories = [.. counts
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(keep)
            .Select(c => c.Key)
            .Order(StringComparer.Ordinal)];
        bool hasOther = counts.Count > categories.Length || column.CategoriesOverflowed;
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
