using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace MLOps.Core.Storage;

/// <summary>
/// Readiness, as opposed to liveness: whether the storage the platform cannot work without answers. One cheap
/// request per service (Blob, Table, Queue — the Durable engine's messages live in queues), in parallel, each cut
/// off after <see cref="Timeout"/> so a frozen endpoint answers "unreachable" quickly instead of hanging the probe
/// through the SDK's retries.
/// </summary>
public sealed class StorageReadiness(BlobServiceClient blobs, TableServiceClient tables, QueueServiceClient queues)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken = default) =>
        await Task.WhenAll(
            ProbeAsync("blob", async token => await blobs.GetBlobContainerClient(BlobContainers.Audit).ExistsAsync(token), cancellationToken),
            ProbeAsync("table", async token => await tables.QueryAsync(maxPerPage: 1, cancellationToken: token).AsPages().GetAsyncEnumerator(token).MoveNextAsync(), cancellationToken),
            ProbeAsync("queue", async token => await queues.GetQueuesAsync(cancellationToken: token).AsPages(pageSizeHint: 1).GetAsyncEnumerator(token).MoveNextAsync(), cancellationToken));

    private static async Task<ReadinessCheck> ProbeAsync(string service, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await probe(timeout.Token);
            return new ReadinessCheck(service, true, null, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ReadinessCheck(service, false, $"no answer within {Timeout.TotalSeconds:0} s", clock.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException or IOException)
        {
            // The exception's message only, never its type: the answer is for operators and probes.
            return new ReadinessCheck(service, false, ex is Azure.RequestFailedException { Status: > 0 } failed ? $"answered {failed.Status}" : "unreachable", clock.ElapsedMilliseconds);
        }
    }
}

/// <summary>One service's answer to the readiness probe.</summary>
public sealed record ReadinessCheck(string Service, bool Reachable, string? Problem, long Milliseconds);
