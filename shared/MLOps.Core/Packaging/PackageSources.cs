using MLOps.Core.FeatureStore;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;
using MLOps.Core.Tracking;

namespace MLOps.Core.Packaging;

/// <summary>
/// Everything a package is made from, read by <see cref="PackageBuilder"/> and assembled by <see cref="PackageAssembler"/>:
/// the registered version and its MLflow files (file name → bytes, as registered), its run, its feature-set version
/// (with the fitted set), the spec the feature set was built under (its data rules are the contract's), the spec
/// version that gated the training, and the class names the training read from the feature set.
/// </summary>
public sealed record PackageSources
{
    public required ModelVersion Version { get; init; }

    public required IReadOnlyDictionary<string, BinaryData> MlflowFiles { get; init; }

    public required RunRecord Run { get; init; }

    public required FeatureSetVersion FeatureSet { get; init; }

    public required ProjectSpec FeatureSpec { get; init; }

    public required int SpecVersion { get; init; }

    /// <summary>Class names in score order (see <see cref="PackageDescriptor.Labels"/>); empty for regression.</summary>
    public required IReadOnlyList<string> Labels { get; init; }
}
