namespace MLOps.Core.Registry.Mlflow;

/// <summary>What an MLmodel file says about its model: the signature's tensors, the run and the free-form metadata.</summary>
public sealed record MlflowModelInfo(
    IReadOnlyList<MlflowTensor> Inputs,
    IReadOnlyList<MlflowTensor> Outputs,
    string? RunId,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The model's input columns in order, when the registration recorded them (<see cref="MlflowModelDirectory.FeatureNamesKey"/>).</summary>
    public IReadOnlyList<string>? FeatureNames =>
        this.Metadata.TryGetValue(MlflowModelDirectory.FeatureNamesKey, out string? json)
            ? System.Text.Json.JsonSerializer.Deserialize<string[]>(json)
            : null;
}
