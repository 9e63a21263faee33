namespace MLOps.Core.Experiments;

/// <summary>
/// Levels per numeric parameter (categoricals always use every choice); <paramref name="LevelsByParameter"/>
/// overrides by parameter name.
/// </summary>
public sealed record GridSearchOptions(int Levels = 3, IReadOnlyDictionary<string, int>? LevelsByParameter = null);
