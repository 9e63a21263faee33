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
        };
    }

    private static IReadOnlyList<Algorithm> Algorithms(ExperimentRequest request, ModelTask task)
    {
        if (request.Spaces?.FirstOrDefault(s => !Enum.TryParse(s.Algorithm, out Algorithm a) || !a.Supports(task)) is { } stray)
        {
            throw new DataRejectedException($"The search space for '{stray.Algorithm}' names no algorithm for {task}.");
        }

        if (request.Algorithms is not { Count: > 0 } names)
        {
            return AlgorithmTasks.For(task);
        }

        var chosen = new List<Algorithm>();
        foreach (string name in names)
        {
            if (!Enum.TryParse(name, ignoreCase: true, out Algorithm algorithm) || !algorithm.Supports(task))
            {
                throw new DataRejectedException(
                    $"'{name}' is not an algorithm for {task}; choose from {string.Join(", ", AlgorithmTasks.For(task))}.");
            }

            chosen.Add(algorithm);
        }

        return chosen.Distinct().ToArray();
    }
}
