using Microsoft.DurableTask;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Training.Integration;

namespace MLOps.Activities.Integration;

/// <summary>Measures demographic-parity and equal-opportunity differences per sensitive attribute.</summary>
public sealed class CheckFairnessActivity(PackageChecks checks) : TaskActivity<CheckTarget, IReadOnlyList<CheckResult>>
{
    public override Task<IReadOnlyList<CheckResult>> RunAsync(TaskActivityContext context, CheckTarget input) =>
        checks.FairnessAsync(input);
}
