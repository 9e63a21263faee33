using MLOps.Core.Pipelines;
using MLOps.Core.Requirements;

namespace MLOps.Core.Projects;

/// <summary>Input of the Requirements pipeline: a stored spec submission and the real data to check it against.</summary>
public sealed record RequirementsRequest(
    string Project = "",
    string SubmissionBlob = "",
    string? SampleContainer = null,
    string? SampleBlob = null,
    string? RequestedBy = null) : IPipelineInput
{
    public IPipelineInput ForCaller(string principal) => this with { RequestedBy = principal };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!ProjectSpecValidator.IsValidName(this.Project))
        {
            problems.Add("project must be a lower-case slug (letters, digits, single hyphens, 1-63 characters)");
        }

        if (string.IsNullOrWhiteSpace(this.SubmissionBlob))
        {
            problems.Add("submissionBlob is required");
        }

        if ((this.SampleContainer is null) != (this.SampleBlob is null))
        {
            problems.Add("sampleContainer and sampleBlob go together");
        }

        return problems;
    }
}
