using MLOps.Core.FeatureStore.Holdout;
using MLOps.Core.Requirements;

namespace MLOps.Core.Packaging;

/// <summary>
/// <c>package.json</c>: what the package is and how to use it — the registered version it holds, the model's input
/// and outputs (which one is the score), the decision threshold and labels for classifiers, the holdout metrics as
/// registered, the lineage, and the raw columns a record must have (see <c>feature-contract.json</c> for their rules).
/// </summary>
public sealed record PackageDescriptor
{
    public const string FileName = PackageLayout.Descriptor;

    public int FormatVersion { get; init; } = PackageFormat.Version;

    public required string Project { get; init; }

    public required string Model { get; init; }

    public required int Version { get; init; }

    public required ModelTask Task { get; init; }

    public required PackageInput Input { get; init; }

    public required IReadOnlyList<PackageTensor> Outputs { get; init; }

    /// <summary>Binary classifiers: a record is labelled <c>Labels[1]</c> when its score is at least this, else <c>Labels[0]</c>.</summary>
    public double? DecisionThreshold { get; init; }

    /// <summary>Class names in score order: [negative, positive] for a binary classifier, every class for multiclass; empty for regression.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The holdout metrics as registered, by name.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    public required PackageLineage Lineage { get; init; }

    /// <summary>The holdout split the metrics were measured on.</summary>
    public HoldoutSplit? Holdout { get; init; }

    /// <summary>The landed columns the contract reads (target excluded); a record may carry others, which are ignored.</summary>
    public required IReadOnlyList<PackageColumn> RawColumns { get; init; }

    public required string EntityKey { get; init; }

    public string? Target { get; init; }

    /// <summary>When the model version was registered (the package's own creation time would make rebuilds differ).</summary>
    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The model's ONNX file (<see cref="PackageLayout.ModelOnnx"/>) and Triton model repository (<see cref="PackageLayout.TritonFolder"/>).</summary>
    public string ModelFile { get; init; } = PackageLayout.ModelOnnx;

    public required string TritonModel { get; init; }

    public byte[] ToBytes() => PackageJson.ToBytes(this);

    /// <exception cref="InvalidDataException">The bytes are not a package.json this version can read.</exception>
    public static PackageDescriptor Parse(ReadOnlySpan<byte> bytes)
    {
        PackageDescriptor descriptor = PackageJson.Read<PackageDescriptor>(bytes, FileName);
        return descriptor.FormatVersion == PackageFormat.Version
            ? descriptor
            : throw new InvalidDataException($"'{FileName}' has format version {descriptor.FormatVersion}; this reader knows {PackageFormat.Version}.");
    }
}
