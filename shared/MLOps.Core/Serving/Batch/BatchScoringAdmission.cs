using Azure;
using Azure.Storage.Blobs;
using MLOps.Core.Pipelines;
using MLOps.Core.Projects;
using MLOps.Core.Serving.Endpoints;

namespace MLOps.Core.Serving.Batch;

/// <summary>At the door of a batch run: the project is registered, the endpoint exists and has a deployment, the input exists.</summary>
public sealed class BatchScoringAdmission(ProjectRegistry projects, IEndpointStore endpoints, BlobServiceClient blobs) : IAdmissionCheck
{
    public Type InputType => typeof(BatchScoringRequest);

    public async Task<IReadOnlyList<string>> CheckAsync(object input, CancellationToken cancellationToken = default)
    {
        var request = (BatchScoringRequest)input;
        if (await projects.GetAsync(request.Project, cancellationToken: cancellationToken) is null)
        {
            return [RegisteredProjectCheck.NotRegistered(request.Project)];
        }

        var problems = new List<string>();
        ServingEndpoint? endpoint = await endpoints.GetAsync(request.Project, request.Endpoint, cancellationToken);
        if (endpoint is null)
        {
            problems.Add($"endpoint: '{request.Project}' has no endpoint '{request.Endpoint}'");
        }
        else if (endpoint.Primary() is null)
        {
            problems.Add($"endpoint: '{request.Endpoint}' has no deployment that answers");
        }

        BlobReference blob = request.InputBlob!;
        if (!await ExistsAsync(blobs.GetBlobContainerClient(blob.Container).GetBlobClient(blob.Name), cancellationToken))
        {
            problems.Add($"input: '{blob}' does not exist");
        }

        return problems;
    }

    private static async Task<bool> ExistsAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return await blob.ExistsAsync(cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
