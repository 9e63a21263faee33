using Microsoft.Extensions.Options;
using MLOps.Core.FeatureStore;
using MLOps.Core.Integration;
using MLOps.Core.Packaging;
using MLOps.Core.Registry;
using MLOps.Core.Serving.Workers;

namespace MLOps.Training.Integration;

/// <summary>
/// The checks of a build, one method each (one activity each): every method reads what its check needs
/// (<see cref="BuildInputs"/>), runs the package on an ONNX worker where the check is about what the package
/// computes, and hands the figures to the pure check in <c>MLOps.Core.Integration</c>. A method returns failed results
/// for what is wrong with the package or its sources, and throws only when it could not look (storage, no worker).
/// </summary>
public sealed partial class PackageChecks(
    BuildInputs inputs,
    ModelPackageReader packages,
    IModelRegistry registry,
    SensitiveGroups sensitive,
    InferenceWorkerPool workers,
    IOptions<IntegrationCheckOptions> options)
{
    private IntegrationCheckOptions Options => options.Value;
}
