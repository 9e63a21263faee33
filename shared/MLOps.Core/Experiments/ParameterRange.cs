namespace MLOps.Core.Experiments;

public sealed record ParameterRange(string Name, ParameterKind Kind, double Low, double High, IReadOnlyList<string>? Choices = null);
