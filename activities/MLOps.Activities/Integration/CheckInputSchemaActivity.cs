using Microsoft.DurableTask;
using MLOps.Core.Integration;
using MLOps.Core.Integration.Builds;
using MLOps.Training.Integration;

namespace MLOps.Activities.Integration;

/// <summary>Compares the raw columns the package reads with the project's registered columns.</summary>
public sealed class CheckInputSchemaActivity(PackageChecks checks) : TaskActivity<CheckTarget, IReadOnlyList<CheckResult>>
{
    public override Task<IReadOnlyList<CheckResult>> RunAsync(TaskActivityContext context, CheckTarget input) =>
        checks.InputSchemaAsync(input);
}
