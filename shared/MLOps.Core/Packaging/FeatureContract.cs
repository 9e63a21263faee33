using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Requirements;

namespace MLOps.Core.Packaging;

/// <summary>
/// <c>feature-contract.json</c>: everything needed to turn a raw record (landed columns as strings, target excluded)
/// into the model's input row. <see cref="Columns"/> are the spec's rules of the columns read — types, ranges,
/// allowed values and their spelling rule, normalisation, invalid-value handling, missing-value rules — from which
/// <see cref="FeatureRowPlan.For"/> derives the cleaning exactly as the feature-set build did; <see cref="Fitted"/>
/// is the feature-set version's fitted set (imputation fills and features fitted on its training rows);
/// <see cref="FeatureNames"/> is the model's input order. <see cref="RawRecordEncoder"/> applies it with the code
/// that built the training rows.
/// </summary>
public sealed record FeatureContract
{
    public const string FileName = "feature-contract.json";

    public int FormatVersion { get; init; } = PackageFormat.Version;

    /// <summary>The landed columns the contract reads (feature sources, and columns whose rule can drop a row), in the spec's order.</summary>
    public required IReadOnlyList<ColumnRule> Columns { get; init; }

    /// <summary>The target column: never read, never required.</summary>
    public string? Target { get; init; }

    public required FittedFeatureSet Fitted { get; init; }

    /// <summary>The model's input tensor columns in order: a permutation of <see cref="FittedFeatureSet.Columns"/>.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>The contract of a feature set built under <paramref name="spec"/>, for a model reading <paramref name="featureNames"/>.</summary>
    public static FeatureContract Create(ProjectSpec spec, FittedFeatureSet fitted, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(featureNames);
        var read = new HashSet<string>(
            fitted.Features.SelectMany(f => FeatureRowEncoder.SourcesOf(f.Definition)), StringComparer.Ordinal);

        // A rule that drops rows kept those rows out of training, so a record it would drop is not scored either.
        read.UnionWith(spec.DataRules.Columns
            .Where(c => c.OnInvalid == DataEngineering.Cleaning.InvalidValueAction.DropRow && (c.Min is not null || c.Max is not null || c.AllowedValues is { Count: > 0 }))
            .Select(c => c.Name));
        read.Remove(spec.Target.Column);
        if (spec.EntityKey.Generated)
        {
            read.Remove(spec.EntityKey.Column);
        }

        var contract = new FeatureContract
        {
            Columns = [.. spec.DataRules.Columns.Where(c => read.Contains(c.Name))],
            Target = spec.Target.Column,
            Fitted = fitted,
            FeatureNames = [.. featureNames],
        };
        return contract.Problems() is { Count: > 0 } problems
            ? throw new InvalidDataException($"The feature contract is not consistent: {string.Join("; ", problems)}.")
            : contract;
    }

    /// <summary>What makes the contract unusable, each naming the column or feature; empty when it is sound.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (this.FormatVersion != PackageFormat.Version)
        {
            problems.Add($"format version {this.FormatVersion} is not {PackageFormat.Version}");
        }

        if (this.Columns is null || this.Fitted?.Features is null || this.FeatureNames is null)
        {
            problems.Add("columns, fitted and featureNames are required");
            return problems;
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (ColumnRule column in this.Columns)
        {
            if (column?.Name is null || !declared.Add(column.Name))
            {
                problems.Add($"column '{column?.Name}' is missing a name or listed twice");
            }
            else if (column.Name == this.Target)
            {
                problems.Add($"column '{column.Name}' is the target");
            }
        }

        foreach (FittedFeature feature in this.Fitted.Features)
        {
            foreach (string source in FeatureRowEncoder.SourcesOf(feature.Definition).Where(s => !declared.Contains(s)))
            {
                problems.Add($"feature '{feature.Definition.Name}' reads '{source}', which has no column rule");
            }
        }

        IReadOnlyList<string> outputs = this.Fitted.Columns;
        if (this.FeatureNames.Count != outputs.Count
            || this.FeatureNames.Distinct(StringComparer.Ordinal).Count() != outputs.Count
            || !this.FeatureNames.ToHashSet(StringComparer.Ordinal).SetEquals(outputs))
        {
            problems.Add($"featureNames ({this.FeatureNames.Count}) are not the fitted set's {outputs.Count} output columns in some order");
        }

        return problems;
    }

    public byte[] ToBytes() => PackageJson.ToBytes(this);

    /// <summary>Reads and checks a contract; <see cref="InvalidDataException"/> says what is wrong.</summary>
    public static FeatureContract Parse(ReadOnlySpan<byte> bytes)
    {
        FeatureContract contract = PackageJson.Read<FeatureContract>(bytes, FileName);
        return contract.Problems() is { Count: > 0 } problems
            ? throw new InvalidDataException($"'{FileName}' is not a usable contract: {string.Join("; ", problems)}.")
            : contract;
    }

    public RawRecordEncoder CreateEncoder() => new(this);
}
