using Microsoft.DurableTask;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Training.Integration;

namespace MLOps.Activities.Integration;

/// <summary>Scans the package's ONNX file for external data, foreign operators and out-of-range opsets without running it.</summary>
public sealed class ScanOnnxActivity(PackageChecks checks) : TaskActivity<CheckTarget, IReadOnlyList<CheckResult>>
{
    public override Task<IReadOnlyList<CheckResult>> RunAsync(TaskActivityContext context, CheckTarget input) =>
        checks.OnnxSecurityAsync(input);
}
