using MLOps.Core.Naming;
using MLOps.Core.Pipelines;
using MLOps.Core.Requirements;
using MLOps.Core.Storage;

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
        if (NameRules.Project.Problem("project", this.Project) is { } project)
        {
            problems.Add(project);
        }

        if (!ProjectRegistry.IsSubmissionOf(this.Project, this.SubmissionBlob))
        {
            problems.Add($"submissionBlob must name a stored submission of the project ('{this.Project}/submissions/…')");
        }

        if ((this.SampleContainer is null) != (this.SampleBlob is null))
        {
            problems.Add("sampleContainer and sampleBlob go together");
        }
        else if (this.SampleContainer is not null)
        {
            problems.AddRange(SampleProblems(this.Project, this.SampleContainer, this.SampleBlob!));
        }

        return problems;
    }

    /// <summary>
    /// A sample is the project's own data: a blob under <c>{project}/</c> in the landing or samples container,
    /// never another project's data or the platform's own records (audit, registry, snapshots).
    /// </summary>
    public static IReadOnlyList<string> SampleProblems(string project, string container, string blob)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(blob);
        var problems = new List<string>();
        if (!BlobContainers.Data.Contains(container))
        {
            problems.Add($"sample must be in the {string.Join(" or ", BlobContainers.Data)} container, not '{container}'");
        }

        string[] segments = blob.Split('/');
        if (segments.Length < 2 || segments[0] != project || segments.Any(s => s is "" or "." or "..") || blob.Length > 1024 || NameRules.HasControl(blob))
        {
            problems.Add($"sample must name a file under the project's folder '{project}/' (no empty, '.' or '..' segments, no control characters)");
        }

        return problems;
    }
}
