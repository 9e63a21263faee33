namespace MLOps.Core.Registry.Mlflow;

/// <summary>A named tensor of an MLflow tensor-based signature; -1 marks the batch dimension.</summary>
public sealed record MlflowTensor(string Name, IReadOnlyList<long> Shape, string Dtype = "float32");
