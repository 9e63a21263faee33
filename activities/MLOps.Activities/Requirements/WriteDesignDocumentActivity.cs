using Microsoft.DurableTask;
using MLOps.Core.Projects;

namespace MLOps.Activities.Requirements;

/// <summary>Writes the project's design document (Markdown).</summary>
public sealed class WriteDesignDocumentActivity(RequirementsAnalyst analyst) : TaskActivity<DesignDocumentRequest, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, DesignDocumentRequest input) =>
        analyst.WriteDesignDocumentAsync(input);
}
