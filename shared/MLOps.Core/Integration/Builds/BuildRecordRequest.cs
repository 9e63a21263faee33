namespace MLOps.Core.Integration.Builds;

/// <summary>
/// The fan-in of one build: every check's result on the target package, the build's id (its orchestration instance)
/// and the time the orchestration finished the checks (its replay-safe clock), so a retried record is the same record.
/// </summary>
public sealed record BuildRecordRequest(CheckTarget Target, string BuildId, DateTimeOffset FinishedAt, IReadOnlyList<CheckResult> Results);
