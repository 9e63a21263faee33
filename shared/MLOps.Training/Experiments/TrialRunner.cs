using System.Globalization;
using MLOps.Core.Experiments;
using MLOps.Core.Tracking;
using MLOps.Training.Data;
using MLOps.Training.Metrics;
using MLOps.Training.Trainers;
using MLOps.Training.Training;

namespace MLOps.Training.Experiments;

/// <summary>
/// Cross-validates one proposal on the training rows (the holdout is never seen by the search), fold by fold,
/// stopping early when the median stopping rule says the trial cannot beat the ones already completed, and
/// records everything in the experiment tracker under the trial's deterministic run id.
/// </summary>
public sealed class TrialRunner(TrainingDataCache data, IExperimentTracker tracker)
{
    private readonly MedianStoppingRule stopping = new(new MedianStoppingOptions());

    public async Task<TrialOutcome> RunAsync(TrialRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ExperimentPlan plan = request.Plan;
        TrialProposal proposal = request.Proposal;
        string runId = plan.RunId(request.Stage, proposal.TrialNumber);
        var algorithm = Enum.Parse<Algorithm>(proposal.Algorithm);
        IReadOnlyDictionary<string, string> parameters = plan.TrainingParameters(proposal.Parameters);
        int seed = Seed(plan);
        await tracker.StartRunAsync(
            new RunStart
            {
                Project = plan.Project,
                Experiment = plan.Experiment,
                RunId = runId,
                Algorithm = proposal.Algorithm,
                Seed = seed,
                FeatureSetVersion = plan.FeatureSet.Version,
                FeatureSetSha256 = plan.FeatureSet.Sha256,
                Parameters = parameters,
                Tags = new Dictionary<string, string>(plan.HoldoutTags())
                {
                    ["strategy"] = request.Stage.ToString(),
                    ["trial"] = proposal.TrialNumber.ToString(CultureInfo.InvariantCulture),
                    ["folds"] = plan.Folds.ToString(CultureInfo.InvariantCulture),
                    ["scoreMetric"] = plan.ScoreMetric,
                    ["task"] = plan.Task.ToString(),
                    ["positiveClass"] = plan.PositiveClass ?? string.Empty,
                },
            },
            cancellationToken);

        TrainingTable train = (await data.GetAsync(plan.FeatureSet, plan.Task, plan.PositiveClass)).RecordedHoldout().Train;
        var folds = new List<ModelMetrics>();
        var scores = new List<double>();
        TrialStatus status = TrialStatus.Completed;
        try
        {
            foreach (TrainTestSplit split in train.KFold(plan.Folds, seed))
            {
                ModelMetrics metrics = ModelTrainer.Train(split.Train, algorithm, parameters, seed).Evaluate(split.Test);
                folds.Add(metrics);
                scores.Add(plan.ScoreOf(metrics.ToDictionary()[plan.ScoreMetric]));
                await tracker.LogMetricsAsync(plan.Project, runId, metrics.ToDictionary(), step: folds.Count - 1, cancellationToken);
                if (plan.MedianStopping && folds.Count < plan.Folds
                    && this.stopping.Evaluate(scores, request.CompletedFoldScores).Stop)
                {
                    status = TrialStatus.Stopped;
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // A parameter combination the learner cannot fit is a failed trial, not a failed experiment.
            await tracker.SetTagsAsync(plan.Project, runId, new Dictionary<string, string> { ["error"] = ex.Message }, cancellationToken);
            await tracker.EndRunAsync(plan.Project, runId, RunStatus.Failed, cancellationToken);
            return new TrialOutcome(runId, request.Stage, new TrialResult(proposal.TrialNumber, proposal.Algorithm, proposal.Parameters, 0, TrialStatus.Failed), new Dictionary<string, double>());
        }

        IReadOnlyDictionary<string, double> mean = CrossValidationResult.From(folds).Mean;
        await tracker.LogMetricsAsync(plan.Project, runId, mean, cancellationToken: cancellationToken);
        await tracker.EndRunAsync(plan.Project, runId, status == TrialStatus.Completed ? RunStatus.Completed : RunStatus.Stopped, cancellationToken);
        var result = new TrialResult(proposal.TrialNumber, proposal.Algorithm, proposal.Parameters, scores.Average(), status, scores);
        return new TrialOutcome(runId, request.Stage, result, mean);
    }

    /// <summary>ML.NET takes an int seed; the experiment's is a long.</summary>
    public static int Seed(ExperimentPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return (int)(plan.Seed & int.MaxValue);
    }
}
