using Microsoft.DurableTask;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Training.Integration;

namespace MLOps.Activities.Integration;

/// <summary>Holds the package's holdout metric to the acceptance gate and the challenger to the champion.</summary>
public sealed class CheckQualityActivity(PackageChecks checks) : TaskActivity<CheckTarget, IReadOnlyList<CheckResult>>
{
    public override Task<IReadOnlyList<CheckResult>> RunAsync(TaskActivityContext context, CheckTarget input) =>
        checks.QualityAsync(input);
}
