namespace MLOps.Core.Experiments;

/// <summary>Output of the experiment pipeline.</summary>
public sealed record ExperimentReport(
    string Experiment,
    int FeatureSetVersion,
    IReadOnlyList<StageSummary> Stages,
    int TrialsRun,
    int TrialsStopped,
    string BestRunId,
    CandidateModel Candidate,
    RegisteredCandidate? Registered);
