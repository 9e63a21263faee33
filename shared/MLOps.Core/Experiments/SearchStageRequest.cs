namespace MLOps.Core.Experiments;

/// <summary>
/// The input of one search sub-orchestration: a strategy, its trial budget, and the results it already has (a
/// large stage runs as a chain of chunks, each continuing from the results of the one before).
/// </summary>
public sealed record SearchStageRequest(ExperimentPlan Plan, SearchStage Stage, IReadOnlyList<TrialOutcome> Prior);
