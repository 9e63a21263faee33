using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Builds;

/// <summary>
/// The data of <c>PackageBuilt</c> and <c>BuildFailed</c>: which package of which version, the verdict, each check's
/// figure against its bound, and where the full record is.
/// </summary>
public sealed record BuildEvent(
    string Project,
    string Model,
    int Version,
    string Digest,
    string BuildId,
    bool Passed,
    string Summary,
    IReadOnlyList<string> FailedChecks,
    IReadOnlyList<BuildEventCheck> Checks,
    string Record)
{
    public static BuildEvent Of(IntegrationBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        return new BuildEvent(
            build.Project, build.Model, build.Version, build.Digest, build.BuildId, build.Passed, build.Summary, build.FailedChecks,
            [.. build.Checks.Select(c => new BuildEventCheck(c.Check, c.Passed, Finite(c.Figure), Finite(c.Bound), c.Comparison.Operator(), c.Unit))],
            build.Record);
    }

    // The event is serialised by the Event Grid client's own serializer, which refuses NaN and infinities.
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>One check of a <see cref="BuildEvent"/>: its figure against its bound; null where either is not a finite number.</summary>
public sealed record BuildEventCheck(string Check, bool Passed, double? Figure, double? Bound, string Comparison, string Unit);
