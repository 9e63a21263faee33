using MLOps.Core.Registry.Cards;

namespace MLOps.Core.Experiments;

/// <summary>
/// The refitted best model: holdout metrics, whether it meets the acceptance gate, the ONNX parity verdict and
/// where its ONNX artifact is tracked, and its per-group holdout metrics for each sensitive attribute. A candidate
/// that fails parity is never registered. Binary models carry their <see cref="Threshold"/>; <see cref="Warnings"/>
/// names what a reader must not miss (e.g. no true positive at the threshold although the gate is met).
/// </summary>
public sealed record CandidateModel(
    string RunId,
    string Algorithm,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, double> HoldoutMetrics,
    bool MeetsAcceptance,
    bool ParityPassed,
    double ParityMaxDifference,
    string ParityProvider,
    string? ParityReason,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<FeatureImportance> Importance,
    string OnnxArtifact,
    long HoldoutRows,
    IReadOnlyList<FairnessResult> Fairness,
    DecisionThreshold? Threshold = null,
    IReadOnlyList<string>? Warnings = null);
