namespace MLOps.Core.Experiments;

/// <summary>
/// One trial of a search: the proposal to cross-validate, and the fold-by-fold scores of the trials already
/// completed, which the median stopping rule compares against after each fold.
/// </summary>
public sealed record TrialRequest(
    ExperimentPlan Plan,
    SearchStrategyKind Stage,
    TrialProposal Proposal,
    IReadOnlyList<IReadOnlyList<double>> CompletedFoldScores);
