using MLOps.Core.Landing;
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
        if (string.IsNullOrWhiteSpace(this.BlobName))
        {
            problems.Add("blobName is required");
            return problems;
        }

        problems.AddRange(new LandingBlob(this.Container, this.BlobName, this.ETag ?? string.Empty).Validate());
        if (!string.IsNullOrEmpty(this.Project) && !this.BlobName.StartsWith(this.Project + "/", StringComparison.Ordinal))
        {
            problems.Add($"blobName must be under the project's folder '{this.Project}/'");
        }

        return problems;
    }
}
