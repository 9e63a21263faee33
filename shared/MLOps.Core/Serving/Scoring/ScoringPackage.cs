using MLOps.Core.Packaging;
using MLOps.Core.Requirements;

namespace MLOps.Core.Serving.Scoring;

/// <summary>
/// A committed model package as scoring uses it: what it holds (model, version, task), how to read its input and
/// score, how to label a score, which feature-set version its features come from, and the encoder that turns raw
/// records into model rows by its feature contract.
/// </summary>
public sealed record ScoringPackage
{
    public required string Digest { get; init; }

    public required string Project { get; init; }

    public required string Model { get; init; }

    public required int Version { get; init; }

    public required ModelTask Task { get; init; }

    /// <summary>The model's input tensor name.</summary>
    public required string InputName { get; init; }

    /// <summary>The model's input columns in order; their count is the row width.</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>The ONNX output that holds the score.</summary>
    public required string ScoreOutput { get; init; }

    /// <summary>Binary classifiers: a score at or above it is labelled <c>Labels[1]</c>, else <c>Labels[0]</c>.</summary>
    public double? DecisionThreshold { get; init; }

    /// <summary>Class names in score order; empty for regression.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The entity key column (a batch file's key column when it has it).</summary>
    public required string EntityKey { get; init; }

    public required int FeatureSetVersion { get; init; }

    /// <summary>The feature-set version's hash: online vectors of another version are encoded differently.</summary>
    public required string FeatureSetSha256 { get; init; }

    /// <summary>The package's feature contract applied to raw records, by the code that built the training rows.</summary>
    public required RawRecordEncoder Encoder { get; init; }

    public int Width => this.FeatureNames.Count;
}
