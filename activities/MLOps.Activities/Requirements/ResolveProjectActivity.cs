using Microsoft.DurableTask;
using MLOps.Core.Projects;

namespace MLOps.Activities.Requirements;

/// <summary>Finds the project's registered gates, or rejects the run when the project is not registered.</summary>
public sealed class ResolveProjectActivity(ProjectRegistry registry) : TaskActivity<string, ProjectRegistration>
{
    public override Task<ProjectRegistration> RunAsync(TaskActivityContext context, string input) =>
        registry.RequireAsync(input);
}
