namespace MLOps.Core.Packaging;

/// <summary>The model's one input tensor: [batch, <see cref="Width"/>] of <see cref="Dtype"/>, its columns <see cref="FeatureNames"/> in order.</summary>
public sealed record PackageInput(string Name, string Dtype, int Width, IReadOnlyList<string> FeatureNames);
