namespace MLOps.Core.Registry;

/// <summary>
/// The latest continuous-integration build of a version's package as the registry shows it: the build, whether every
/// check passed, which failed, the one-line summary (figures and bounds) and the record with every check's result.
/// </summary>
public sealed record CheckedBuild(
    string BuildId,
    bool Passed,
    string Summary,
    IReadOnlyList<string> FailedChecks,
    string Record,
    string Report,
    DateTimeOffset FinishedAt);
