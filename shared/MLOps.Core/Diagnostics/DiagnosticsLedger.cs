using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.Storage;

namespace MLOps.Core.Diagnostics;

/// <summary>
/// Records every execution of a diagnostics step as its own blob. Unlike the platform's other writes this is
/// deliberately not idempotent: it exists to count how often the engine ran each step, which is how the
/// durability test proves completed steps are not re-run after a crash.
/// </summary>
public sealed class DiagnosticsLedger(BlobServiceClient blobs)
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient(BlobContainers.Diagnostics);

    public async Task<string> RecordExecutionAsync(DiagnosticStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        await this.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        string host = $"{Environment.MachineName}:{Environment.ProcessId}";
        string name = string.Create(
            CultureInfo.InvariantCulture, $"{step.InstanceId}/step-{step.Step:D3}/{Guid.NewGuid():N}");
        await this.Container.GetBlobClient(name).UploadAsync(BinaryData.FromString(host), cancellationToken);
        return host;
    }

    /// <summary>How many times each step of an instance ran.</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountExecutionsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var counts = new SortedDictionary<int, int>();
        if (!await this.Container.ExistsAsync(cancellationToken))
        {
            return counts;
        }

        await foreach (BlobItem item in this.Container.GetBlobsAsync(
            new GetBlobsOptions { Prefix = instanceId + "/" }, cancellationToken))
        {
            string stepSegment = item.Name.Split('/')[1];
            int step = int.Parse(stepSegment["step-".Length..], CultureInfo.InvariantCulture);
            counts[step] = counts.GetValueOrDefault(step) + 1;
        }

        return counts;
    }
}
