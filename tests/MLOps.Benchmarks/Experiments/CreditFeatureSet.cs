using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Benchmarks.DataPipeline;
using MLOps.Core.Landing;
using MLOps.Core.Storage;
using MLOps.LocalHost.Azurite;
using MLOps.Triggers.Landing;

namespace MLOps.Benchmarks.Experiments;

/// <summary>
/// The untimed preparation of the experiment suite: a credit project registered through the Requirements pipeline
/// and credit_data.csv landed and run through the data pipeline, so feature-set version 1 exists.
/// </summary>
public static class CreditFeatureSet
{
    public static async Task<string> PrepareAsync(WebApplication app, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        DurableTaskClient client = app.Services.GetRequiredService<DurableTaskClient>();
        BlobServiceClient blobs = app.Services.GetRequiredService<BlobServiceClient>();
        string project = $"bench-{Guid.NewGuid().ToString("N")[..8]}";
        await DataPipelineRunner.RegisterAsync(app.Services, client, blobs, project, timeout, cancellationToken);

        string file = Path.Combine(RepositoryRoot.Find(), "shared", "data", "credit_data.csv");
        BlobContainerClient landing = blobs.GetBlobContainerClient(BlobContainers.Landing);
        await landing.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        BlobClient blob = landing.GetBlobClient($"{project}/credit_data.csv");
        BlobContentInfo uploaded = (await blob.UploadAsync(file, overwrite: true, cancellationToken)).Value;

        // The call the LandingWatcher makes for a new blob (disabled in the benchmark host).
        var landed = new LandingBlob(BlobContainers.Landing, blob.Name, uploaded.ETag.ToString(), new FileInfo(file).Length);
        LandingOutcome outcome = await app.Services.GetRequiredService<LandingTrigger>()
            .OnBlobCreatedAsync(landed, client, "benchmark", cancellationToken: cancellationToken);
        if (outcome.Start is null)
        {
            throw new InvalidOperationException($"The landed blob was refused: {string.Join("; ", outcome.Problems)}");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        OrchestrationMetadata done = await client.WaitForInstanceCompletionAsync(landed.PipelineInstanceId(), getInputsAndOutputs: false, deadline.Token);
        return done.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? project
            : throw new InvalidOperationException($"The data pipeline for {project} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
    }
}
