using MLOps.Core.Requirements;

namespace MLOps.Core.Projects;

/// <summary>The gates of a project's latest registered spec (null: the project is not registered); an interface so deployment logic can be tested without storage.</summary>
public interface IProjectGatesSource
{
    Task<ProjectGates?> GetGatesAsync(string project, CancellationToken cancellationToken = default);
}
