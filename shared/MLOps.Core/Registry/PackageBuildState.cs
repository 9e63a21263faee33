namespace MLOps.Core.Registry;

/// <summary>Where the model package of a version stands (<see cref="PackageBuild"/>).</summary>
public enum PackageBuildState
{
    /// <summary>No build was ever started.</summary>
    None,

    /// <summary>A build started and has not finished (or its worker died; a new build takes over).</summary>
    Building,

    /// <summary>The package exists and is signed; <see cref="PackageBuild.Digest"/> names it.</summary>
    Built,

    /// <summary>The latest build failed; <see cref="PackageBuild.Reason"/> says why.</summary>
    Failed,
}
