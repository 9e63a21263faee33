namespace MLOps.Core.Serving.RequestLog;

/// <summary>
/// The log of every (sampled) score request, readable by endpoint and time window, which the monitoring pipeline
/// reads. Appends are durable when they return; entries are never changed or removed by the platform.
/// </summary>
public interface IRequestLog
{
    Task AppendAsync(RequestLogEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The endpoint's entries with <paramref name="from"/> ≤ time &lt; <paramref name="to"/>, by time then request id, one per request id.</summary>
    IAsyncEnumerable<RequestLogEntry> ReadAsync(string project, string endpoint, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
