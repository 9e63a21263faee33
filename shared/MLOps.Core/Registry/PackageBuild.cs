namespace MLOps.Core.Registry;

/// <summary>
/// The build state of a version's model package, kept on the version's row and shown wherever the version is: the
/// package's digest once built (what deployments, logs and lineage name), the reason when the latest build failed.
/// </summary>
public sealed record PackageBuild
{
    public static PackageBuild None { get; } = new();

    public PackageBuildState State { get; init; } = PackageBuildState.None;

    /// <summary>Lower-case hex SHA-256 of the package's manifest, once <see cref="PackageBuildState.Built"/>.</summary>
    public string? Digest { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The latest continuous-integration build of the built package (its checks' verdict); null until one is recorded.</summary>
    public CheckedBuild? Checks { get; init; }

    public static PackageBuild Building(DateTimeOffset at) => new() { State = PackageBuildState.Building, UpdatedAt = at };

    public static PackageBuild Built(string digest, DateTimeOffset at) => new() { State = PackageBuildState.Built, Digest = digest, UpdatedAt = at };

    public static PackageBuild Failed(string reason, DateTimeOffset at) => new() { State = PackageBuildState.Failed, Reason = reason, UpdatedAt = at };
}
