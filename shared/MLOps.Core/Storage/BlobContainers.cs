namespace MLOps.Core.Storage;

/// <summary>The platform's Blob containers.</summary>
public static class BlobContainers
{
    /// <summary>Raw data lands here as <c>{project}/{file}</c>; a new blob starts the project's data pipeline.</summary>
    public const string Landing = "landing";

    public const string Audit = "audit";

    /// <summary>Execution ledger of the diagnostics pipeline.</summary>
    public const string Diagnostics = "diagnostics";

    /// <summary>Content-addressed snapshots of ingested data.</summary>
    public const string Snapshots = "snapshots";

    /// <summary>Project specs, their reviews and design documents, and the registered versions.</summary>
    public const string Projects = "projects";

    /// <summary>Data samples submitted with a spec for its feasibility check (not watched, unlike landing).</summary>
    public const string Samples = "samples";

    /// <summary>Model packages, content-addressed: <c>{digest}/…</c>, visible once <c>{digest}/manifest.sig</c> exists.</summary>
    public const string Packages = "packages";

    /// <summary>The request log of the serving endpoints: JSON lines by endpoint and UTC hour.</summary>
    public const string Requests = "requests";

    /// <summary>Outputs of batch-scoring runs, by project, package and input.</summary>
    public const string Predictions = "predictions";

    /// <summary>One create-if-absent claim per started instance id, so exactly one of concurrent starts wins.</summary>
    public const string StartClaims = "start-claims";

    /// <summary>
    /// One lock blob per resource that runs must not change at the same time (a serving endpoint under continuous
    /// deployment), naming the run that holds it; a finished run's lock is taken over.
    /// </summary>
    public const string RunLocks = "run-locks";

    /// <summary>Continuous-integration builds: <c>{project}/{model}/v{version}/{buildId}/</c> holds a build's record and report.</summary>
    public const string Builds = "builds";

    /// <summary>The containers that hold a project's own data, which a spec may name as its feasibility sample.</summary>
    public static readonly IReadOnlyList<string> Data = [Landing, Samples];

    public static readonly IReadOnlyList<string> All = [Landing, Audit, Diagnostics, Snapshots, Projects, Samples, StartClaims, RunLocks, Packages, Builds, Requests, Predictions];
}
