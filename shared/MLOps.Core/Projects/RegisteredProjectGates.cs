using MLOps.Core.Requirements;

namespace MLOps.Core.Projects;

/// <summary>The gates of the project's latest registration in the <see cref="ProjectRegistry"/>.</summary>
public sealed class RegisteredProjectGates(ProjectRegistry projects) : IProjectGatesSource
{
    public async Task<ProjectGates?> GetGatesAsync(string project, CancellationToken cancellationToken = default) =>
        (await projects.GetAsync(project, cancellationToken: cancellationToken))?.Gates;
}
