using System.Text.Json.Serialization;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// The fitted feature contract: the imputation fills cleaning applies first, then the fitted features in output
/// order, all fitted on the training rows of one feature-set version and stored with it. Serialise it with
/// <see cref="Requirements.ProjectSpecJson.Options"/> or any options (the transforms are polymorphic by attribute);
/// <see cref="Bind"/> resolves the source columns of a header once for fast rows.
/// </summary>
public sealed record FittedFeatureSet(string DefinitionsSha256, IReadOnlyList<FittedFeature> Features, IReadOnlyList<FittedImputation> Imputations)
{
    /// <summary>Every output column, in the order <see cref="FeatureRowEncoder.Apply"/> writes them.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Columns { get; } = [.. Features.SelectMany(f => f.Outputs)];

    /// <summary>Column → fill, as the cleaner takes them.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Fills { get; } = Imputations.ToDictionary(i => i.Column, i => i.Fill, StringComparer.Ordinal);

    public FeatureRowEncoder Bind(IReadOnlyList<string> header) => new(this, header);
}
