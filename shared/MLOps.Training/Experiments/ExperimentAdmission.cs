using MLOps.Core.Experiments;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Pipelines;
using MLOps.Core.Projects;

namespace MLOps.Training.Experiments;

/// <summary>At the door of the experiment pipeline: a registered project, an existing feature set, algorithms of the project's task.</summary>
public sealed class ExperimentAdmission(ProjectRegistry registry, OfflineFeatureStore offline) : IAdmissionCheck
{
    public Type InputType => typeof(ExperimentRequest);

    public async Task<IReadOnlyList<string>> CheckAsync(object input, CancellationToken cancellationToken = default)
    {
        var request = (ExperimentRequest)input;
        ProjectRegistration? project = await registry.GetAsync(request.Project, cancellationToken: cancellationToken);
        if (project is null)
        {
            return [RegisteredProjectCheck.NotRegistered(request.Project)];
        }

        var problems = new List<string>();
        ExperimentAlgorithms.Resolve(request, project.Gates.Task, out IReadOnlyList<string> algorithmProblems);
        problems.AddRange(algorithmProblems);
        if (await offline.GetAsync(request.Project, request.FeatureSet, cancellationToken) is null)
        {
            problems.Add($"featureSet: project '{request.Project}' has no feature-set version '{request.FeatureSet}'; land its data first");
        }

        return problems;
    }
}
