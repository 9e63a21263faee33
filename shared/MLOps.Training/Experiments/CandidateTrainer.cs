using MLOps.Core.Experiments;
using MLOps.Core.FeatureStore;
using MLOps.Core.Integration.Parity;
using MLOps.Core.Projects;
using MLOps.Core.Registry.Cards;
using MLOps.Core.Requirements;
using MLOps.Core.Tracking;
using MLOps.Training.Data;
using MLOps.Core.Reports;
using MLOps.Core.Serialization;
using MLOps.Training.Importance;
using MLOps.Training.Metrics;
using MLOps.Training.Onnx;
using MLOps.Training.Plots;
using MLOps.Training.Trainers;
using MLOps.Training.Training;
using CardImportance = MLOps.Core.Registry.Cards.FeatureImportance;

namespace MLOps.Training.Experiments;

/// <summary>
/// Refits the search's best proposal on every training row, measures it on the holdout, exports it to ONNX and
/// proves the ONNX model scores the holdout like ML.NET does (max |Δ| ≤ 1e-5; for regression 1e-5 of the
/// score scale, see <see cref="OnnxParityChecker"/>), then ranks its features by
/// permutation importance and measures it per group of each sensitive attribute. A binary model also gets its decision
/// threshold, chosen on validation rows split from the training rows (see <see cref="ChooseThreshold"/>). The ONNX
/// bytes, the verdicts and the holdout scores (<see cref="HoldoutScores"/>) are logged as artifacts of the best trial's run.
/// </summary>
public sealed class CandidateTrainer(TrainingDataCache data, IExperimentTracker tracker, ProjectRegistry projects, SensitiveGroups sensitive)
{
    public const string OnnxArtifact = "model/model.onnx";

    /// <summary>Share of the training rows held back (stratified, seeded) to choose a binary model's decision threshold.</summary>
    public const double ValidationFraction = 0.2;

    /// <summary>The label metrics measured again at the decision threshold; the ranking metrics do not change with it.</summary>
    private static readonly HashSet<string> ThresholdMetricNames = new(StringComparer.Ordinal) { "Precision", "Recall", "F1", "Accuracy" };

    public async Task<CandidateModel> TrainAsync(CandidateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ExperimentPlan plan = request.Plan;
        TrialResult best = request.Best.Result;
        int seed = TrialRunner.Seed(plan);
        TrainTestSplit split = (await data.GetAsync(plan.FeatureSet, plan.Task, plan.PositiveClass)).RecordedHoldout();
        var algorithm = Enum.Parse<Algorithm>(best.Algorithm);
        IReadOnlyDictionary<string, string> parameters = plan.TrainingParameters(best.Parameters);
        TrainedModel model = ModelTrainer.Train(split.Train, algorithm, parameters, seed);
        IReadOnlyDictionary<string, double> holdout = model.Evaluate(split.Test).ToDictionary();
        byte[] onnx = OnnxModelExporter.Export(model);
        ParityReport parity = OnnxParityChecker.Check(model, onnx, split.Test);
        ProjectSpec spec = await projects.LoadSpecAsync(plan.SpecBlob, cancellationToken);
        float[][] scores = model.Predict(split.Test);
        IReadOnlyList<FairnessResult> fairness = FairnessEvaluator.Evaluate(
            split.Test, scores, await sensitive.ReadAsync(plan.FeatureSet, spec, cancellationToken));
        CardImportance[] importance = PermutationImportance.Compute(model, split.Test, seed)
            .Select(f => new CardImportance(f.Feature, f.Importance))
            .ToArray();
        DecisionThreshold? threshold = plan.Task == ModelTask.BinaryClassification
            ? ChooseThreshold(plan, split, algorithm, parameters, seed, scores)
            : null;
        bool meets = plan.Acceptance.IsMetBy(holdout[plan.ScoreMetric]);
        IReadOnlyList<string> warnings = CandidateWarnings.For(holdout, threshold, meets, plan.Acceptance.ToString());

        string runId = request.Best.RunId;
        string artifact = await tracker.LogArtifactAsync(plan.Project, runId, OnnxArtifact, BinaryData.FromBytes(onnx), cancellationToken);
        await tracker.LogArtifactAsync(plan.Project, runId, "model/parity.json", FiniteJson.ToBinaryData(parity), cancellationToken);
        await tracker.LogArtifactAsync(plan.Project, runId, "model/importance.json", FiniteJson.ToBinaryData(importance), cancellationToken);
        await tracker.LogArtifactAsync(plan.Project, runId, "model/fairness.json", FiniteJson.ToBinaryData(fairness), cancellationToken);

        // What continuous integration holds the built package to, row by row.
        await tracker.LogArtifactAsync(plan.Project, runId, HoldoutScores.Artifact, FiniteJson.ToBinaryData(new HoldoutScores(split.Test.Keys, scores)), cancellationToken);
        if (plan.Task == ModelTask.BinaryClassification && split.Test.BinaryLabels!.Distinct().Count() == 2)
        {
            var roc = RocCurve.Points(split.Test.BinaryLabels!, scores.Select(p => p[0]).ToArray());
            await tracker.LogArtifactAsync(
                plan.Project, runId, ReportLibrary.RocPlotArtifact, BinaryData.FromString(RocCurveSvg.Render(roc, $"{best.Algorithm} holdout")), cancellationToken);
            await tracker.LogArtifactAsync(
                plan.Project, runId, ReportLibrary.RocPointsArtifact,
                FiniteJson.ToBinaryData(new { falsePositiveRate = roc.Select(p => p.FalsePositiveRate), truePositiveRate = roc.Select(p => p.TruePositiveRate), auc = holdout["Auc"] }),
                cancellationToken);
        }

        await tracker.LogMetricsAsync(plan.Project, runId, TrackedMetrics(holdout, threshold), cancellationToken: cancellationToken);
        await tracker.SetTagsAsync(plan.Project, runId, Tags(threshold, warnings), cancellationToken);

        return new CandidateModel(
            runId,
            best.Algorithm,
            parameters,
            holdout,
            meets,
            parity.Passed,
            parity.MaxAbsoluteDifference,
            parity.Provider,
            parity.Reason,
            split.Test.FeatureNames,
            importance,
            artifact,
            split.Test.Rows,
            fairness,
            threshold,
            warnings);
    }

    /// <summary>
    /// Fits the same algorithm and parameters on the training rows less a stratified, seeded validation share, chooses
    /// the threshold on that share's probabilities, and measures the refitted model's holdout labels at it.
    /// </summary>
    private static DecisionThreshold ChooseThreshold(
        ExperimentPlan plan, TrainTestSplit split, Algorithm algorithm, IReadOnlyDictionary<string, string> parameters, int seed, float[][] holdoutScores)
    {
        TrainTestSplit tuning = split.Train.Holdout(seed, ValidationFraction);
        ThresholdChoice choice = tuning.Test.Rows == 0 || tuning.Train.BinaryLabels!.Distinct().Count() < 2
            ? new ThresholdChoice(MetricsCalculator.DefaultThreshold, double.NaN, plan.ThresholdObjective, "too few training rows to hold validation rows back")
            : DecisionThresholds.Choose(
                tuning.Test.BinaryLabels!,
                ModelTrainer.Train(tuning.Train, algorithm, parameters, seed).Predict(tuning.Test).Select(p => p[0]).ToArray(),
                plan.ThresholdObjective);
        IReadOnlyDictionary<string, double> atThreshold = MetricsCalculator
            .Binary(split.Test.BinaryLabels!, holdoutScores.Select(p => p[0]).ToArray(), choice.Threshold)
            .ToDictionary()
            .Where(m => ThresholdMetricNames.Contains(m.Key))
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        return new DecisionThreshold(choice.Threshold, choice.Objective, choice.Value, tuning.Test.Rows, atThreshold, choice.FallbackReason);
    }

    /// <summary>Holdout metrics as <c>holdout_*</c>, and with a threshold <c>decision_threshold</c> and <c>holdout_at_threshold_*</c>.</summary>
    private static Dictionary<string, double> TrackedMetrics(IReadOnlyDictionary<string, double> holdout, DecisionThreshold? threshold)
    {
        var metrics = holdout.ToDictionary(m => "holdout_" + m.Key, m => m.Value, StringComparer.Ordinal);
        if (threshold is not null)
        {
            metrics["decision_threshold"] = threshold.Threshold;
            foreach ((string name, double value) in threshold.Holdout)
            {
                metrics["holdout_at_threshold_" + name] = value;
            }
        }

        return metrics;
    }

    private static Dictionary<string, string> Tags(DecisionThreshold? threshold, IReadOnlyList<string> warnings)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["warnings"] = string.Join(" | ", warnings) };
        if (threshold is not null)
        {
            tags["thresholdObjective"] = threshold.Objective.ToString();
        }

        return tags;
    }
}
