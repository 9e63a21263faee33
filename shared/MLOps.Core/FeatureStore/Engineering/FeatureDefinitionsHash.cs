using System.Text.Json;
using MLOps.Core.Requirements;

namespace MLOps.Core.FeatureStore.Engineering;

/// <summary>
/// SHA-256 of the definitions in the spec's canonical JSON: any change of a name, source or transform parameter
/// changes it, so a feature set built under other definitions is never mistaken for the same version.
/// </summary>
public static class FeatureDefinitionsHash
{
    public static string Of(IReadOnlyList<FeatureDefinition> definitions) =>
        ContentHash.Sha256(JsonSerializer.Serialize(definitions, ProjectSpecJson.Options));
}
