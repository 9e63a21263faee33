namespace MLOps.Core.Experiments;

/// <summary>Per-strategy settings; a strategy reads only its own, and null means that strategy's defaults.</summary>
public sealed record SearchStrategyOptions(
    GridSearchOptions? Grid = null,
    TpeOptions? Tpe = null,
    GeneticOptions? Genetic = null)
{
    public static SearchStrategyOptions Default { get; } = new();
}
