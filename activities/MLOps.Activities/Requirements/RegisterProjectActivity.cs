using Microsoft.DurableTask;
using MLOps.Core.Projects;

namespace MLOps.Activities.Requirements;

/// <summary>Registers the project's gates as its next version.</summary>
public sealed class RegisterProjectActivity(RequirementsAnalyst analyst) : TaskActivity<RegistrationRequest, ProjectRegistration>
{
    public override Task<ProjectRegistration> RunAsync(TaskActivityContext context, RegistrationRequest input) =>
        analyst.RegisterAsync(input);
}
