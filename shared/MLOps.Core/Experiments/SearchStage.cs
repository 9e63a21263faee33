namespace MLOps.Core.Experiments;

/// <summary>One leg of an experiment's search: a strategy and how many trials it may run.</summary>
public sealed record SearchStage(SearchStrategyKind Strategy, int Trials);
