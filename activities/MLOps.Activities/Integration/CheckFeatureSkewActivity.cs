using Microsoft.DurableTask;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Training.Integration;

namespace MLOps.Activities.Integration;

/// <summary>Encodes the holdout's raw records by the package's feature contract and compares them with the offline rows.</summary>
public sealed class CheckFeatureSkewActivity(PackageChecks checks) : TaskActivity<CheckTarget, IReadOnlyList<CheckResult>>
{
    public override Task<IReadOnlyList<CheckResult>> RunAsync(TaskActivityContext context, CheckTarget input) =>
        checks.FeatureSkewAsync(input);
}
