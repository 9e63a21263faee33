using MLOps.Core.Pipelines;
using MLOps.Core.Requirements;

namespace MLOps.Core.Experiments;

/// <summary>Input of the reproduce pipeline: the tracked run to train again.</summary>
public sealed record ReproductionRequest(string Project = "", string RunId = "", string? RequestedBy = null) : IPipelineInput
{
    public IPipelineInput ForCaller(string principal) => this with { RequestedBy = principal };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!ProjectSpecValidator.IsValidName(this.Project))
        {
            problems.Add("project must be a lower-case slug (letters, digits, single hyphens, 1-63 characters)");
        }

        if (string.IsNullOrWhiteSpace(this.RunId))
        {
            problems.Add("runId is required");
        }

        return problems;
    }
}
