namespace MLOps.Core.Experiments;

/// <summary>The best trial of the search, to be refitted on all training rows and checked on the holdout.</summary>
public sealed record CandidateRequest(ExperimentPlan Plan, TrialOutcome Best);
