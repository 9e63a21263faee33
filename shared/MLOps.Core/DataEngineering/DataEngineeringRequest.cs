using MLOps.Core.Landing;
using MLOps.Core.Naming;
using MLOps.Core.Pipelines;
using MLOps.Core.Storage;

namespace MLOps.Core.DataEngineering;

/// <summary>Input of the data engineering pipeline: which landed blob, at which version, for which project.</summary>
public sealed record DataEngineeringRequest(
    string Project = "",
    string BlobName = "",
    string? ETag = null,
    string Container = BlobContainers.Landing) : IPipelineInput
{
    public static DataEngineeringRequest From(LandingBlob blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return new DataEngineeringRequest(blob.Project, blob.Name, blob.ETag, blob.Container);
    }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (NameRules.Project.Problem("project", this.Project) is { } project)
        {
            problems.Add(project);
        }

        if (this.Container != BlobContainers.Landing)
        {
            problems.Add($"container must be '{BlobContainers.Landing}': the data pipeline ingests landed data only");
        }

        if (this.ETag is not null && NameRules.Text.Problem("eTag", this.ETag) is { } etag)
        {
            problems.Add(etag);
        }

        if (string.IsNullOrWhiteSpace(this.BlobName))
        {
            problems.Add("blobName is required");
            return problems;
        }

        problems.AddRange(new LandingBlob(BlobContainers.Landing, this.BlobName, this.ETag ?? string.Empty).Validate().Select(p => $"blobName: {p}"));
        if (!this.BlobName.StartsWith(this.Project + "/", StringComparison.Ordinal))
        {
            problems.Add($"blobName must be under the project's folder '{this.Project}/'");
        }

        return problems;
    }
}
