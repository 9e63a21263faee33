using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace MLOps.Core.Serving.RequestLog;

/// <summary>
/// The request log in append blobs of JSON lines (<see cref="RequestLogLayout"/>). Appends are group-committed: one
/// writer loop takes every entry queued so far, appends each hour folder's lines as one block, and only then lets
/// their requests answer, so a request is never answered unlogged and a busy host makes few, large appends. Each
/// process writes blobs of its own, so it knows each blob's length: every append is conditional on it, and an
/// append whose answer was lost is recognised by the length it left (it landed, or it did not) instead of being
/// written twice. Readers also keep one entry per request id.
/// </summary>
public sealed class BlobRequestLog : IRequestLog, IAsyncDisposable
{
    /// <summary>Append blobs take at most 50,000 blocks; a segment is closed well before.</summary>
    private const int MaxBlocksPerSegment = 45_000;

    private const long MaxSegmentBytes = 1L << 30;

    /// <summary>Append blocks are at most 4 MiB in every service version Azurite speaks.</summary>
    private const int MaxBlockBytes = 4 << 20;

    private const int MaxEntriesPerCommit = 1000;

    private readonly BlobContainerClient container;
    private readonly ILogger<BlobRequestLog> logger;
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(10_000) { SingleReader = true });
    private readonly Dictionary<string, Segment> segments = new(StringComparer.Ordinal);
    private readonly string writer = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly Lock gate = new();
    private Task? loop;
    private bool containerReady;

    public BlobRequestLog(BlobServiceClient blobs, ILogger<BlobRequestLog> logger)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        this.container = blobs.GetBlobContainerClient(RequestLogLayout.Container);
        this.logger = logger;
    }

    public async Task AppendAsync(RequestLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        this.EnsureLoop();
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await this.queue.Writer.WriteAsync(pending, cancellationToken);
        await pending.Written.Task.WaitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<RequestLogEntry> ReadAsync(
        string project, string endpoint, DateTimeOffset from, DateTimeOffset to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!await this.container.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        for (DateTimeOffset hour = RequestLogLayout.HourOf(from); hour < to; hour = hour.AddHours(1))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var entries = new List<RequestLogEntry>();
            await foreach (BlobItem item in this.container.GetBlobsAsync(
                new GetBlobsOptions { Prefix = RequestLogLayout.HourFolder(project, endpoint, hour) }, cancellationToken))
            {
                BinaryData content = (await this.container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken)).Value.Content;
                foreach (RequestLogEntry entry in Lines(content, item.Name))
                {
                    if (entry.Time >= from && entry.Time < to && seen.Add(entry.RequestId))
                    {
                        entries.Add(entry);
                    }
                }
            }

            foreach (RequestLogEntry entry in entries.OrderBy(e => e.Time).ThenBy(e => e.RequestId, StringComparer.Ordinal))
            {
                yield return entry;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        this.queue.Writer.TryComplete();
        if (this.loop is { } running)
        {
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private IEnumerable<RequestLogEntry> Lines(BinaryData content, string blob)
    {
        foreach (string line in content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            RequestLogEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<RequestLogEntry>(line, RequestLogJson.Options);
            }
            catch (JsonException e)
            {
                // The platform writes whole lines only; a line that does not read is reported, not fatal to the window.
                this.logger.LogError("Request log {Blob} holds a line that is not an entry: {Error}", blob, e.Message);
                continue;
            }

            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    private void EnsureLoop()
    {
        if (this.loop is not null)
        {
            return;
        }

        lock (this.gate)
        {
            this.loop ??= Task.Run(this.WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        ChannelReader<Pending> reader = this.queue.Reader;
        var batch = new List<Pending>(MaxEntriesPerCommit);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxEntriesPerCommit && reader.TryRead(out Pending? next))
            {
                batch.Add(next);
            }

            foreach (IGrouping<string, Pending> folder in batch.GroupBy(p => Folder(p.Entry), StringComparer.Ordinal))
            {
                try
                {
                    await this.CommitAsync(folder.Key, [.. folder.Select(p => p.Entry)]);
                    foreach (Pending written in folder)
                    {
                        written.Written.TrySetResult();
                    }
                }
                catch (Exception e)
                {
                    // Whatever went wrong, the waiting requests are told (and answered 503); the loop goes on for the next ones.
                    this.logger.LogError(e, "Could not append {Count} request log entries to {Folder}.", folder.Count(), folder.Key);
                    foreach (Pending failed in folder)
                    {
                        failed.Written.TrySetException(e);
                    }
                }
            }
        }
    }

    private static string Folder(RequestLogEntry entry) =>
        RequestLogLayout.HourFolder(entry.Project, entry.Endpoint, RequestLogLayout.HourOf(entry.Time));

    private async Task CommitAsync(string folder, IReadOnlyList<RequestLogEntry> entries)
    {
        foreach (byte[] block in Blocks(entries))
        {
            await this.AppendBlockAsync(folder, block);
        }
    }

    /// <summary>The entries as JSON lines, cut into blocks of whole lines of at most <see cref="MaxBlockBytes"/>.</summary>
    private static IEnumerable<byte[]> Blocks(IReadOnlyList<RequestLogEntry> entries)
    {
        using var block = new MemoryStream();
        foreach (RequestLogEntry entry in entries)
        {
            byte[] line = [.. JsonSerializer.SerializeToUtf8Bytes(entry, RequestLogJson.Options), (byte)'\n'];
            if (line.Length > MaxBlockBytes)
            {
                throw new InvalidOperationException($"Request {entry.RequestId}'s log entry is {line.Length} bytes, over an append block's {MaxBlockBytes}.");
            }

            if (block.Length + line.Length > MaxBlockBytes)
            {
                yield return block.ToArray();
                block.SetLength(0);
            }

            block.Write(line);
        }

        if (block.Length > 0)
        {
            yield return block.ToArray();
        }
    }

    private async Task AppendBlockAsync(string folder, byte[] block)
    {
        Segment segment = await this.SegmentAsync(folder, block.Length);
        AppendBlobClient blob = this.container.GetAppendBlobClient(segment.Name);
        long expected = segment.Length;
        try
        {
            using var content = new MemoryStream(block, writable: false);
            BlobAppendInfo info = (await blob.AppendBlockAsync(
                content, new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = expected } })).Value;
            segment.Length = expected + block.Length;
            segment.Blocks = info.BlobCommittedBlockCount;
        }
        catch (RequestFailedException e)
        {
            // Only this process appends to the segment, so its length tells whether the block landed (a retry of a
            // request whose answer was lost meets the condition it moved itself) or not.
            long actual = (await blob.GetPropertiesAsync()).Value.ContentLength;
            if (actual == expected + block.Length)
            {
                segment.Length = actual;
                segment.Blocks++;
                return;
            }

            segment.Length = actual;
            if (actual != expected)
            {
                // Someone else wrote to it: close it, so the next block starts a segment of its own.
                segment.Blocks = MaxBlocksPerSegment;
            }

            throw new IOException($"Appending to the request log {segment.Name} failed ({e.Status}); its length is {actual}, expected {expected}.", e);
        }
    }

    private async Task<Segment> SegmentAsync(string folder, int blockBytes)
    {
        if (!this.containerReady)
        {
            await this.container.CreateIfNotExistsAsync();
            this.containerReady = true;
        }

        if (this.segments.TryGetValue(folder, out Segment? current)
            && current.Blocks < MaxBlocksPerSegment && current.Length + blockBytes <= MaxSegmentBytes)
        {
            return current;
        }

        int number = current is null ? 0 : current.Number + 1;
        while (true)
        {
            var next = new Segment(RequestLogLayout.Segment(folder, this.writer, number), number);
            try
            {
                await this.container.GetAppendBlobClient(next.Name).CreateAsync(new AppendBlobCreateOptions
                {
                    Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/x-ndjson" },
                });
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                number++;
                continue;
            }

            // Hour folders are not revisited once their hour has passed; keep only the current ones.
            if (this.segments.Count > 256)
            {
                this.segments.Clear();
            }

            this.segments[folder] = next;
            return next;
        }
    }

    private sealed record Pending(RequestLogEntry Entry, TaskCompletionSource Written);

    private sealed class Segment(string name, int number)
    {
        public string Name { get; } = name;

        public int Number { get; } = number;

        public long Length { get; set; }

        public int Blocks { get; set; }
    }
}
