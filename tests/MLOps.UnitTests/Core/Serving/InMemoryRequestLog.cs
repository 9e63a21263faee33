using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MLOps.Core.Serving.RequestLog;

namespace MLOps.UnitTests.Core.Serving;

/// <summary>A request log in memory; <see cref="WaitForAsync"/> waits for an entry written in the background.</summary>
internal sealed class InMemoryRequestLog : IRequestLog
{
    private readonly ConcurrentDictionary<string, RequestLogEntry> entries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<RequestLogEntry> Entries => [.. this.entries.Values];

    public Task AppendAsync(RequestLogEntry entry, CancellationToken cancellationToken = default)
    {
        this.entries[entry.RequestId] = entry;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<RequestLogEntry> ReadAsync(
        string project, string endpoint, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        foreach (RequestLogEntry entry in this.entries.Values.Where(e => e.Project == project && e.Endpoint == endpoint && e.Time >= from && e.Time < to))
        {
            yield return entry;
        }
    }

    public async Task<RequestLogEntry> WaitForAsync(string requestId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!this.entries.ContainsKey(requestId))
        {
            await Task.Delay(10, timeout.Token);
        }

        return this.entries[requestId];
    }
}
