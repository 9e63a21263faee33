using System.Globalization;
using MLOps.Core;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Projects;
using MLOps.Core.Requirements;
using MLOps.Core.Tracking;
using MLOps.Training.Data;
using MLOps.Training.Metrics;
using MLOps.Training.Trainers;
using MLOps.Training.Training;

namespace MLOps.Training.Experiments;

/// <summary>
/// Trains a recorded run again from what the tracker holds — algorithm, parameters, seed, folds, feature-set
/// version (checked against its recorded hash), class weighting (a recorded parameter) — and compares the mean
/// metrics. The <c>reproduce</c> pipeline runs it; HTTP only checks (<see cref="CheckAsync"/>) and starts it.
/// </summary>
public sealed class RunReproducer(IExperimentTracker tracker, OfflineFeatureStore offline, ProjectRegistry projects, TrainingDataCache data)
{
    /// <summary>
    /// Everything that can be known without training: the run exists, completed, records algorithm, seed, folds and
    /// feature set, and that version still exists with the recorded hash. Throws <see cref="DataRejectedException"/>
    /// naming what is wrong, so a caller can refuse at once what the pipeline would refuse later.
    /// </summary>
    public async Task<(RunRecord Run, FeatureSetVersion FeatureSet)> CheckAsync(string project, string runId, CancellationToken cancellationToken = default)
    {
        RunRecord run = await tracker.GetRunAsync(project, runId, cancellationToken)
            ?? throw new DataRejectedException($"Project '{project}' has no run '{runId}'.");
        if (run.Status != RunStatus.Completed || run.Algorithm is null || run.Seed is null || run.FeatureSetVersion is null || Tag(run, "folds") is null)
        {
            throw new DataRejectedException($"Run '{runId}' is {run.Status}; only completed trials with algorithm, seed, folds and feature set can be reproduced.");
        }

        FeatureSetVersion featureSet = await offline.GetAsync(project, run.FeatureSetVersion.Value.ToString(CultureInfo.InvariantCulture), cancellationToken)
            ?? throw new DataRejectedException($"Feature-set version {run.FeatureSetVersion} of '{project}' no longer exists.");
        if (featureSet.Sha256 != run.FeatureSetSha256)
        {
            throw new DataRejectedException($"Feature-set version {featureSet.Version} has hash {featureSet.Sha256}, the run recorded {run.FeatureSetSha256}.");
        }

        if (featureSet.Split is null)
        {
            throw new DataRejectedException($"Feature-set version {featureSet.Version} records no holdout split, so its runs cannot be reproduced.");
        }

        return (run, featureSet);
    }

    public async Task<RunReproduction> ReproduceAsync(string project, string runId, CancellationToken cancellationToken = default)
    {
        (RunRecord run, FeatureSetVersion featureSet) = await this.CheckAsync(project, runId, cancellationToken);

        // The run's own record of its setup wins over today's project registration, which may have moved on.
        ProjectGates gates = (await projects.RequireAsync(project, cancellationToken)).Gates;
        int folds = int.Parse(Tag(run, "folds") ?? throw new DataRejectedException($"Run '{runId}' does not record its folds."), CultureInfo.InvariantCulture);
        ModelTask task = Tag(run, "task") is { } t ? Enum.Parse<ModelTask>(t) : gates.Task;
        string? positive = Tag(run, "positiveClass") is { } p ? (p.Length == 0 ? null : p) : gates.Target.PositiveClass;
        // The holdout is part of the feature set (its rows carry the flag), which the hash check above pinned.
        TrainingTable train = (await data.GetAsync(featureSet, task, positive)).RecordedHoldout().Train;
        IReadOnlyDictionary<string, double> reproduced = ModelTrainer.CrossValidate(
            train, Enum.Parse<Algorithm>(run.Algorithm!), run.Parameters, folds, run.Seed!.Value).Mean;
        double difference = reproduced.Where(m => run.Metrics.ContainsKey(m.Key)).Select(m => Math.Abs(m.Value - run.Metrics[m.Key])).DefaultIfEmpty(double.PositiveInfinity).Max();
        return new RunReproduction(runId, run.Metrics, reproduced, difference);
    }

    private static string? Tag(RunRecord run, string name) => run.Tags.TryGetValue(name, out string? value) ? value : null;
}
