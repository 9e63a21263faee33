namespace MLOps.Core.Experiments;

public sealed record SearchSpace(string Algorithm, IReadOnlyList<ParameterRange> Parameters);
