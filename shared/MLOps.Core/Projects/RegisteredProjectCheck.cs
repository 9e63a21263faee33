using MLOps.Core.DataEngineering;
using MLOps.Core.Pipelines;

namespace MLOps.Core.Projects;

/// <summary>The data pipeline runs under a project's registered rules: an unregistered project is refused at the door.</summary>
public sealed class RegisteredProjectCheck(ProjectRegistry registry) : IAdmissionCheck
{
    public Type InputType => typeof(DataEngineeringRequest);

    public async Task<IReadOnlyList<string>> CheckAsync(object input, CancellationToken cancellationToken = default)
    {
        string project = ((DataEngineeringRequest)input).Project;
        return await registry.GetAsync(project, cancellationToken: cancellationToken) is null ? [NotRegistered(project)] : [];
    }

    public static string NotRegistered(string project) =>
        $"project: '{project}' is not registered; submit its spec to POST /api/projects/{project}/spec first";
}
