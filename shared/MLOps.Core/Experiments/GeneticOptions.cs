namespace MLOps.Core.Experiments;

/// <summary>
/// Generational GA settings. <paramref name="EliteCount"/> best survive each generation unevaluated, so a
/// generation after the first proposes <c>PopulationSize − EliteCount</c> children. <paramref name="MutationRate"/>
/// is per parameter; <paramref name="MutationScale"/> is the Gaussian step in unit (normalised or log) space.
/// </summary>
public sealed record GeneticOptions(
    int PopulationSize = 8,
    int TournamentSize = 3,
    int EliteCount = 1,
    double MutationRate = 0.2,
    double MutationScale = 0.1);
