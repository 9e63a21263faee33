namespace MLOps.Core.Integration;

/// <summary>
/// The fan-in of one build's checks on a model package: it passes only when every check passed and at least one
/// ran (an empty verdict is a build nobody checked, so it fails). Check names are unique within a build, so a
/// failure names exactly one check.
/// </summary>
public sealed record BuildVerdict
{
    public BuildVerdict(string project, string package, IReadOnlyList<CheckResult> results)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentException.ThrowIfNullOrWhiteSpace(package);
        ArgumentNullException.ThrowIfNull(results);
        string? repeated = results.GroupBy(r => r.Check, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
        {
            throw new ArgumentException($"The check '{repeated}' appears more than once in one build.", nameof(results));
        }

        this.Project = project;
        this.Package = package;
        this.Results = [.. results];
    }

    public string Project { get; }

    /// <summary>The model package the checks ran on (its identity as the packaging step named it).</summary>
    public string Package { get; }

    public IReadOnlyList<CheckResult> Results { get; }

    public bool Passed => this.Results.Count > 0 && this.Results.All(r => r.Passed);

    public IReadOnlyList<string> FailedChecks => [.. this.Results.Where(r => !r.Passed).Select(r => r.Check)];

    /// <summary>One sentence: what failed with its figure and bound, or that everything passed.</summary>
    public string Summary => this.Results.Count == 0
        ? "No check ran, so the build cannot pass."
        : this.Passed
            ? $"All {this.Results.Count} checks passed."
            : $"{this.FailedChecks.Count} of {this.Results.Count} checks failed: " + string.Join(" ", this.Results.Where(r => !r.Passed).Select(r => r.Describe()));
}
