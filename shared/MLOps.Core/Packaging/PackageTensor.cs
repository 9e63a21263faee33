namespace MLOps.Core.Packaging;

/// <summary>An output of the ONNX model; -1 marks the batch (or another unknown) dimension. <see cref="Score"/> marks the score output.</summary>
public sealed record PackageTensor(string Name, string Dtype, IReadOnlyList<long> Shape, bool? Score = null);
