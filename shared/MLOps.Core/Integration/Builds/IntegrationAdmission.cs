using MLOps.Core.Pipelines;
using MLOps.Core.Projects;
using MLOps.Core.Registry;

namespace MLOps.Core.Integration.Builds;

/// <summary>
/// At the door of the continuous-integration pipeline: a registered project and a committed version of the named
/// model, so a typo is a 400 naming the field rather than a run that fails later.
/// </summary>
public sealed class IntegrationAdmission(ProjectRegistry projects, IModelRegistry registry) : IAdmissionCheck
{
    public Type InputType => typeof(ContinuousIntegrationRequest);

    public async Task<IReadOnlyList<string>> CheckAsync(object input, CancellationToken cancellationToken = default)
    {
        var request = (ContinuousIntegrationRequest)input;
        if (await projects.GetAsync(request.Project, cancellationToken: cancellationToken) is null)
        {
            return [RegisteredProjectCheck.NotRegistered(request.Project)];
        }

        if (await registry.GetModelAsync(request.Project, request.Model, cancellationToken) is null)
        {
            return [$"model: project '{request.Project}' has no registered model '{request.Model}'"];
        }

        return await registry.GetVersionAsync(request.Project, request.Model, request.Version, cancellationToken) is null
            ? [$"version: model '{request.Model}' of project '{request.Project}' has no committed version {request.Version}"]
            : [];
    }
}
