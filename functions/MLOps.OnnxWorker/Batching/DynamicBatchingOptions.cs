namespace MLOps.OnnxWorker.Batching;

/// <summary>
/// Dynamic batching with Triton's semantics (section <c>Worker:DynamicBatching</c>): requests for the same model
/// version queue; when one of the version's <see cref="Instances"/> is free, the batcher takes queued requests in
/// arrival order up to <c>Worker:MaxBatchSize</c> rows. If it can form a batch of a preferred size it runs the largest
/// such batch at once; if not, it waits up to <see cref="MaxQueueDelayMicroseconds"/> (from the oldest queued request)
/// for more, then runs the largest batch it has. Without preferred sizes the target is the maximum batch size. With
/// the defaults (no delay, one instance) requests that arrive while a batch runs form the next batch, and a request
/// that arrives to an idle model runs at once.
/// </summary>
public sealed record DynamicBatchingOptions
{
    public const string SectionName = "Worker:DynamicBatching";

    /// <summary>Off: each request runs alone in its own ONNX Runtime call, concurrently with others.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Batch sizes (rows) that run as soon as they can be formed; empty: the maximum batch size.</summary>
    public IReadOnlyList<int> PreferredBatchSizes { get; init; } = [];

    /// <summary>
    /// Triton's max_queue_delay_microseconds: how long a request may wait for others to join its batch. 0 (Triton's
    /// default) never delays. Waits of a millisecond or more use the system timer (about 1 ms resolution).
    /// </summary>
    public long MaxQueueDelayMicroseconds { get; init; }

    /// <summary>Batches of one model version that may run at once (Triton's instance_group count).</summary>
    public int Instances { get; init; } = 1;

    public string? Invalid(int maxBatchSize) => this switch
    {
        { MaxQueueDelayMicroseconds: < 0 or > 10_000_000 } => "Worker:DynamicBatching:MaxQueueDelayMicroseconds must be between 0 and 10000000.",
        { Instances: < 1 or > 64 } => "Worker:DynamicBatching:Instances must be between 1 and 64.",
        _ when this.PreferredBatchSizes.Any(s => s < 1 || s > maxBatchSize) => $"Worker:DynamicBatching:PreferredBatchSizes must lie between 1 and Worker:MaxBatchSize ({maxBatchSize}).",
        _ => null,
    };
}
