namespace MLOps.Core.Experiments;

/// <summary>A candidate that passed its checks, to be registered as the next version of the plan's model.</summary>
public sealed record RegisterCandidateRequest(ExperimentPlan Plan, CandidateModel Candidate);
