using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Integration.Security;
using MLOps.Core.Packaging;

namespace MLOps.Training.Integration;

public sealed partial class PackageChecks
{
    /// <summary>
    /// ONNX security scan of the package's model file, read (and checked against its manifest entry) without running
    /// it: the build loads the model on a worker only once this check has passed.
    /// </summary>
    public async Task<IReadOnlyList<CheckResult>> OnnxSecurityAsync(CheckTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ModelPackage package = await packages.OpenAsync(target.Digest, cancellationToken)
            ?? throw new KeyNotFoundException($"No package has the digest '{target.Digest}'.");
        byte[] model = await package.ReadModelAsync(cancellationToken);
        return [OnnxSecurityScan.Scan(model, this.Options.Onnx).ToCheckResult()];
    }
}
