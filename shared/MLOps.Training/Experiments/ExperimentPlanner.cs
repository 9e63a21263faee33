using MLOps.Core;
using MLOps.Core.Experiments;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Projects;
using MLOps.Core.Requirements;
using MLOps.Training.Trainers;

namespace MLOps.Training.Experiments;

/// <summary>
/// Resolves an experiment request against the registered project (task, target, acceptance gate) and the
/// offline store (which feature-set version), and fills in the defaults: every algorithm of the task with its
/// default search space, the four strategies.
/// </summary>
public sealed class ExperimentPlanner(ProjectRegistry registry, OfflineFeatureStore offline)
{
    public async Task<ExperimentPlan> PlanAsync(ExperimentStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        ExperimentRequest request = start.Request;
        ProjectRegistration project = await registry.RequireAsync(request.Project, cancellationToken);
        FeatureSetVersion featureSet = await offline.GetAsync(request.Project, request.FeatureSet, cancellationToken)
            ?? throw new DataRejectedException($"Project '{request.Project}' has no feature-set version '{request.FeatureSet}'; land its data first.");
        if (featureSet.Split is not { } split)
        {
            throw new DataRejectedException(
                $"Feature-set version {featureSet.Version} of '{request.Project}' records no holdout split; land its data again to build one that does.");
        }

        if (split.HoldoutRows == 0 || split.TrainingRows == 0)
        {
            throw new DataRejectedException(
                $"Feature-set version {featureSet.Version} of '{request.Project}' has {split.HoldoutRows} holdout and {split.TrainingRows} training rows; both parts need rows.");
        }

        ProjectGates gates = project.Gates;
        if (request.ClassWeights != ClassWeighting.None && gates.Task == ModelTask.Regression)
        {
            throw new DataRejectedException($"classWeights applies to classification; project '{request.Project}' is a regression.");
        }

        IReadOnlyList<Algorithm> algorithms = Algorithms(request, gates.Task);
        string suffix = start.InstanceId.Length > 8 ? start.InstanceId[^8..] : start.InstanceId;
        return new ExperimentPlan
        {
            Project = request.Project,
            ProjectVersion = project.Version,
            SpecBlob = project.SpecBlob,
            SpecSha256 = project.SpecSha256,
            Task = gates.Task,
            PositiveClass = gates.Target.PositiveClass,
            Acceptance = gates.Acceptance,
            ScoreMetric = ScoreMetrics.KeyOf(gates.Acceptance.Metric),
            FeatureSet = featureSet,
            Experiment = request.Experiment ?? $"{request.Project}-fs{featureSet.Version}-{suffix}",
            ModelName = request.ModelName ?? request.Project,
            Spaces = algorithms.Select(a => request.Spaces?.FirstOrDefault(s => s.Algorithm == a.ToString()) ?? DefaultSearchSpaces.For(a)).ToArray(),
            Stages = request.Search ?? ExperimentRequest.DefaultSearch,
            Folds = request.Folds,
            MaxParallel = request.MaxParallel,
            Seed = request.Seed,
            StopWhenThresholdMet = request.StopWhenThresholdMet,
            MedianStopping = request.MedianStopping,
            RequestedBy = request.RequestedBy,
            ClassWeights = request.ClassWeights,
            ThresholdObjective = request.ThresholdObjective,
        };
    }

    private static IReadOnlyList<Algorithm> Algorithms(ExperimentRequest request, ModelTask task) =>
        ExperimentAlgorithms.Resolve(request, task, out IReadOnlyList<string> problems) is { } algorithms
            ? algorithms
            : throw new DataRejectedException(string.Join("; ", problems));
}
