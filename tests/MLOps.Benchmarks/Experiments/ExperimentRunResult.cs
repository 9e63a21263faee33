namespace MLOps.Benchmarks.Experiments;

/// <summary>One timed experiment pipeline: wall time from scheduling to completion, and what it found.</summary>
/// <param name="Wall">Null when the run failed or timed out.</param>
/// <param name="BestAuc">The candidate's holdout AUC (report.candidate.holdoutMetrics.Auc).</param>
public sealed record ExperimentRunResult(
    ExperimentCase Case,
    int Round,
    TimeSpan? Wall,
    int TrialsRun,
    int TrialsStopped,
    string? BestRunId,
    double? BestAuc,
    CpuTime Cpu,
    string? Error)
{
    public double? TrialsPerMinute => this.Wall is { } wall ? this.TrialsRun / wall.TotalMinutes : null;
}
