namespace MLOps.Core.Registry.Mlflow;

/// <summary>
/// The ONNX model's interface: one float32 input tensor [-1, width] whose columns are the features in order
/// (how ML.NET exports a concatenated feature vector), and its output tensors.
/// </summary>
public sealed record MlflowSignature(string InputName, IReadOnlyList<string> FeatureNames, IReadOnlyList<MlflowTensor> Outputs)
{
    public int Width => this.FeatureNames.Count;

    public MlflowTensor Input => new(this.InputName, [-1, this.Width]);
}
