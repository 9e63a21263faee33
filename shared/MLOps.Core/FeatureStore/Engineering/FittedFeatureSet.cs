using System.Text.Json.Serialization;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// Fitted features in output order. Serialise it with <see cref="Requirements.ProjectSpecJson.Options"/> (the
/// transforms are polymorphic); <see cref="Bind"/> resolves the source columns of a header once for fast rows.
/// </summary>
public sealed record FittedFeatureSet(string DefinitionsSha256, IReadOnlyList<FittedFeature> Features)
{
    /// <summary>Every output column, in the order <see cref="FeatureRowEncoder.Apply"/> writes them.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Columns { get; } = [.. Features.SelectMany(f => f.Outputs)];

    public FeatureRowEncoder Bind(IReadOnlyList<string> header) => new(this, header);
}
