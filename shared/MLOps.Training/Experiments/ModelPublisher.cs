using System.Globalization;
using MLOps.Core.Experiments;
using MLOps.Core.Projects;
using MLOps.Core.Registry;
using MLOps.Core.Registry.Cards;
using MLOps.Core.Registry.Mlflow;
using MLOps.Core.Requirements;
using MLOps.Core.Tracking;
using MLOps.Training.Data;
using MLOps.Training.Onnx;

namespace MLOps.Training.Experiments;

/// <summary>
/// Registers a checked candidate: the next model version (linked to its run, feature set, data and spec), its
/// MLflow-compatible ONNX directory, its model card, and the <c>challenger</c> alias. Promotion to
/// <c>champion</c> is left to the deployment pipeline and, for high-risk projects, to a model-risk approval.
/// </summary>
public sealed class ModelPublisher(IModelRegistry registry, IExperimentTracker tracker, ProjectRegistry projects, TrainingDataCache data)
{
    private const int ExampleRows = 3;

    public async Task<RegisteredCandidate> RegisterAsync(RegisterCandidateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ExperimentPlan plan = request.Plan;
        CandidateModel candidate = request.Candidate;
        string principal = plan.RequestedBy ?? "system:experiment";
        BinaryData onnx = await tracker.ReadArtifactAsync(plan.Project, candidate.RunId, CandidateTrainer.OnnxArtifact, cancellationToken)
            ?? throw new InvalidOperationException($"Run '{candidate.RunId}' has no ONNX artifact to register.");

        ModelVersion version = await registry.RegisterVersionAsync(
            new ModelVersionRequest
            {
                Project = plan.Project,
                Name = plan.ModelName,
                RunId = candidate.RunId,
                FeatureSetVersion = plan.FeatureSet.Version,
                FeatureSetSha256 = plan.FeatureSet.Sha256,
                DataSha256 = plan.FeatureSet.RawSnapshotSha256,
                SpecSha256 = plan.SpecSha256,
                CreatedBy = principal,
                Metrics = candidate.HoldoutMetrics,
                Description = $"{candidate.Algorithm} from experiment {plan.Experiment}",
                DecisionThreshold = candidate.Threshold?.Threshold,
            },
            cancellationToken);

        TrainingTable holdout = (await data.GetAsync(plan.FeatureSet, plan.Task, plan.PositiveClass)).RecordedHoldout().Test;
        IReadOnlyList<string> files = await registry.WriteArtifactsAsync(
            plan.Project, plan.ModelName, version.Version,
            new MlflowModelPackage
            {
                OnnxModel = onnx,
                Signature = new MlflowSignature(OnnxModelExporter.InputName, candidate.FeatureNames, Outputs(onnx.ToArray())),
                InputExample = holdout.Features.Take(ExampleRows).Select(r => (IReadOnlyList<float>)r).ToArray(),
                RunId = candidate.RunId,
                ModelUuid = string.Empty,
                CreatedAt = version.CreatedAt,
                Metadata = Metadata(plan, candidate),
            },
            cancellationToken);
        ProjectSpec spec = await projects.LoadSpecAsync(plan.SpecBlob, cancellationToken);
        string card = await registry.WriteModelCardAsync(Card(plan, candidate, version, spec, principal), cancellationToken);
        await registry.CommitVersionAsync(plan.Project, plan.ModelName, version.Version, cancellationToken);
        await registry.MoveAliasAsync(
            plan.Project, plan.ModelName, ModelAliases.Challenger, version.Version, principal, reason: $"best of experiment {plan.Experiment}",
            cancellationToken: cancellationToken);
        return new RegisteredCandidate(
            plan.ModelName, version.Version, version.Uri, ModelAliases.Challenger, files.Count > 0 ? version.ArtifactUri : string.Empty, card);
    }

    /// <summary>MLmodel metadata a server needs: the input's column order, and how to turn probabilities into labels.</summary>
    private static Dictionary<string, string> Metadata(ExperimentPlan plan, CandidateModel candidate)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MlflowModelDirectory.FeatureNamesKey] = System.Text.Json.JsonSerializer.Serialize(candidate.FeatureNames),
        };
        if (candidate.Threshold is { } threshold)
        {
            metadata["decision_threshold"] = threshold.Threshold.ToString("R", CultureInfo.InvariantCulture);
            metadata["threshold_objective"] = threshold.Objective.ToString();
            metadata["positive_class"] = plan.PositiveClass ?? string.Empty;
        }

        return metadata;
    }

    private static MlflowTensor[] Outputs(byte[] onnx)
    {
        using OnnxSession session = OnnxSessionFactory.Create(onnx);
        return session.Session.OutputMetadata
            .Select(o => new MlflowTensor(o.Key, o.Value.Dimensions.Select(d => (long)d).ToArray()))
            .ToArray();
    }

    private static ModelCard Card(ExperimentPlan plan, CandidateModel candidate, ModelVersion version, ProjectSpec spec, string principal) => new()
    {
        Project = plan.Project,
        Name = plan.ModelName,
        Version = version.Version,
        BusinessGoal = spec.BusinessGoal,
        Task = plan.Task,
        Target = spec.Target.Column,
        FeatureSetVersion = plan.FeatureSet.Version,
        FeatureSetSha256 = plan.FeatureSet.Sha256,
        DataSha256 = plan.FeatureSet.RawSnapshotSha256,
        Rows = plan.FeatureSet.Rows,
        Algorithm = candidate.Algorithm,
        RunId = candidate.RunId,
        Metrics = candidate.HoldoutMetrics,
        DecisionThreshold = candidate.Threshold is { } t
            ? new DecisionThresholdSummary(
                t.Threshold,
                t.FallbackReason is null
                    ? string.Create(CultureInfo.InvariantCulture, $"maximises {t.Objective} on {t.ValidationRows} validation rows held back from training, where it scored {t.ValidationValue:0.####}")
                    : $"the default: {t.FallbackReason}",
                t.Holdout)
            : null,
        Warnings = candidate.Warnings ?? [],
        FeatureImportance = candidate.Importance,
        Limitations = candidate.MeetsAcceptance
            ? []
            : [$"Holdout {plan.ScoreMetric} {candidate.HoldoutMetrics[plan.ScoreMetric]:F4} does not meet the acceptance gate {plan.Acceptance}."],
        SensitiveAttributes = spec.SensitiveAttributes.Select(a => a.Column).ToArray(),
        Fairness = candidate.Fairness,
        CreatedAt = version.CreatedAt,
        CreatedBy = principal,
    };
}
