using MLOps.Core.FeatureStore;
using MLOps.Core.Packaging;
using MLOps.Core.Projects;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;

namespace MLOps.Training.Integration;

/// <summary>
/// A build's package, verified, with what the checks hold it to: the registered version it holds, the project's
/// current registration and spec (the gates every package of the project must pass) and the feature-set version the
/// model was trained on (its holdout is what the checks score).
/// </summary>
public sealed record PackageUnderTest(
    ModelPackage Package,
    ModelVersion Version,
    ProjectRegistration Registration,
    ProjectSpec Spec,
    FeatureSetVersion FeatureSet)
{
    public PackageDescriptor Descriptor => this.Package.Descriptor;

    /// <summary>The positive class of a binary classifier as the package names it; null for other tasks.</summary>
    public string? PositiveClass =>
        this.Descriptor.Task == ModelTask.BinaryClassification && this.Descriptor.Labels.Count == 2 ? this.Descriptor.Labels[1] : null;

    /// <summary>The label of a binary classifier's row is positive when its score is at least this.</summary>
    public double DecisionThreshold => this.Descriptor.DecisionThreshold ?? Metrics.MetricsCalculator.DefaultThreshold;
}
