namespace MLOps.Core.Integration.Builds;

/// <summary>
/// One finished continuous-integration build of a model version: the package it checked (digest), every check's
/// result with its figure and bound, the verdict and where its report is (<see cref="BuildLayout"/>). Written once;
/// a later build of the same version is a build of its own.
/// </summary>
public sealed record IntegrationBuild
{
    public required string Project { get; init; }

    public required string Model { get; init; }

    public required int Version { get; init; }

    /// <summary>The package's digest: what the checks ran on and what a deployment of this build names.</summary>
    public required string Digest { get; init; }

    /// <summary>The build's id: the instance id of its orchestration.</summary>
    public required string BuildId { get; init; }

    public required bool Passed { get; init; }

    /// <summary>What failed with its figure and bound, or that everything passed (<see cref="BuildVerdict.Summary"/>).</summary>
    public required string Summary { get; init; }

    public required IReadOnlyList<string> FailedChecks { get; init; }

    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>Blob of this record in the <c>builds</c> container.</summary>
    public required string Record { get; init; }

    /// <summary>Blob of the HTML report beside it.</summary>
    public required string Report { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public static IntegrationBuild From(BuildRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckTarget target = request.Target;
        var verdict = new BuildVerdict(target.Project, target.Digest, request.Results);
        return new IntegrationBuild
        {
            Project = target.Project,
            Model = target.Model,
            Version = target.Version,
            Digest = target.Digest,
            BuildId = request.BuildId,
            Passed = verdict.Passed,
            Summary = verdict.Summary,
            FailedChecks = verdict.FailedChecks,
            Checks = verdict.Results,
            Record = BuildLayout.Record(target, request.BuildId),
            Report = BuildLayout.Report(target, request.BuildId),
            FinishedAt = request.FinishedAt,
        };
    }

    public BuildVerdict ToVerdict() => new(this.Project, this.Digest, this.Checks);
}
