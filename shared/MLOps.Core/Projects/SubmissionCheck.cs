using Azure;
using Azure.Storage.Blobs;
using MLOps.Core.Pipelines;
using MLOps.Core.Storage;

namespace MLOps.Core.Projects;

/// <summary>A requirements run needs its stored submission and, when one is named, its sample to exist.</summary>
public sealed class SubmissionCheck(BlobServiceClient blobs) : IAdmissionCheck
{
    public Type InputType => typeof(RequirementsRequest);

    public async Task<IReadOnlyList<string>> CheckAsync(object input, CancellationToken cancellationToken = default)
    {
        var request = (RequirementsRequest)input;
        var problems = new List<string>();
        if (!await ExistsAsync(BlobContainers.Projects, request.SubmissionBlob, cancellationToken))
        {
            problems.Add($"submissionBlob: '{request.SubmissionBlob}' was never submitted");
        }

        if (request.SampleContainer is { } container && await this.SampleProblemAsync(container, request.SampleBlob!, cancellationToken) is { } sample)
        {
            problems.Add(sample);
        }

        return problems;
    }

    /// <summary>"sample: … does not exist", or null when it does.</summary>
    public async Task<string?> SampleProblemAsync(string container, string blob, CancellationToken cancellationToken = default) =>
        await this.ExistsAsync(container, blob, cancellationToken) ? null : $"sample: '{container}/{blob}' does not exist";

    private async Task<bool> ExistsAsync(string container, string blob, CancellationToken cancellationToken)
    {
        try
        {
            return await blobs.GetBlobContainerClient(container).GetBlobClient(blob).ExistsAsync(cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
