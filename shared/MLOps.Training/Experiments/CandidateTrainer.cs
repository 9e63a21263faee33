using MLOps.Core.Experiments;
using MLOps.Core.FeatureStore;
using MLOps.Core.Projects;
using MLOps.Core.Registry.Cards;
using MLOps.Core.Requirements;
using MLOps.Core.Tracking;
using MLOps.Training.Data;
using MLOps.Training.Importance;
using MLOps.Training.Onnx;
using MLOps.Training.Plots;
using MLOps.Training.Trainers;
using MLOps.Training.Training;
using CardImportance = MLOps.Core.Registry.Cards.FeatureImportance;

namespace MLOps.Training.Experiments;

/// <summary>
/// Refits the search's best proposal on every training row, measures it on the holdout, exports it to ONNX and
/// proves the ONNX model scores the holdout like ML.NET does (max |Δ| ≤ 1e-5), then ranks its features by
/// permutation importance and measures it per group of each sensitive attribute. The ONNX bytes and the verdicts
/// are logged as artifacts of the best trial's run.
/// </summary>
public sealed class CandidateTrainer(TrainingDataCache data, IExperimentTracker tracker, ProjectRegistry projects, SensitiveGroups sensitive)
{
    public const string OnnxArtifact = "model/model.onnx";

    public async Task<CandidateModel> TrainAsync(CandidateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ExperimentPlan plan = request.Plan;
        TrialResult best = request.Best.Result;
        int seed = TrialRunner.Seed(plan);
        TrainTestSplit split = (await data.GetAsync(plan.FeatureSet, plan.Task, plan.PositiveClass)).RecordedHoldout();
        TrainedModel model = ModelTrainer.Train(split.Train, Enum.Parse<Algorithm>(best.Algorithm), best.Parameters, seed);
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

        string runId = request.Best.RunId;
        string artifact = await tracker.LogArtifactAsync(plan.Project, runId, OnnxArtifact, BinaryData.FromBytes(onnx), cancellationToken);
        await tracker.LogArtifactAsync(plan.Project, runId, "model/parity.json", BinaryData.FromObjectAsJson(parity), cancellationToken);
        await tracker.LogArtifactAsync(plan.Project, runId, "model/importance.json", BinaryData.FromObjectAsJson(importance), cancellationToken);
        await tracker.LogArtifactAsync(plan.Project, runId, "model/fairness.json", BinaryData.FromObjectAsJson(fairness), cancellationToken);
        if (plan.Task == ModelTask.BinaryClassification)
        {
            var roc = RocCurve.Points(split.Test.BinaryLabels!, scores.Select(p => p[0]).ToArray());
            await tracker.LogArtifactAsync(
                plan.Project, runId, "plots/roc.svg", BinaryData.FromString(RocCurveSvg.Render(roc, $"{best.Algorithm} holdout")), cancellationToken);
        }
        await tracker.LogMetricsAsync(
            plan.Project, runId, holdout.ToDictionary(m => "holdout_" + m.Key, m => m.Value), cancellationToken: cancellationToken);

        return new CandidateModel(
            runId,
            best.Algorithm,
            best.Parameters,
            holdout,
            plan.Acceptance.IsMetBy(holdout[plan.ScoreMetric]),
            parity.Passed,
            parity.MaxAbsoluteDifference,
            parity.Provider,
            parity.Reason,
            split.Test.FeatureNames,
            importance,
            artifact,
            split.Test.Rows,
            fairness);
    }
}
