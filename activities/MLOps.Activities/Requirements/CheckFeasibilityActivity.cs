using Microsoft.DurableTask;
using MLOps.Core.Projects;

namespace MLOps.Activities.Requirements;

/// <summary>Checks a reviewed spec against a sample of the real data.</summary>
public sealed class CheckFeasibilityActivity(RequirementsAnalyst analyst) : TaskActivity<FeasibilityRequest, FeasibilitySummary>
{
    public override Task<FeasibilitySummary> RunAsync(TaskActivityContext context, FeasibilityRequest input) =>
        analyst.CheckFeasibilityAsync(input);
}
