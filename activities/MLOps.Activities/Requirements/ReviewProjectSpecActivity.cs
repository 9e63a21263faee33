using Microsoft.DurableTask;
using MLOps.Core.Projects;

namespace MLOps.Activities.Requirements;

/// <summary>Validates a submitted spec and stores its canonical form.</summary>
public sealed class ReviewProjectSpecActivity(RequirementsAnalyst analyst) : TaskActivity<RequirementsRequest, SpecReview>
{
    public override Task<SpecReview> RunAsync(TaskActivityContext context, RequirementsRequest input) =>
        analyst.ReviewAsync(input);
}
