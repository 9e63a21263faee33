namespace MLOps.Core.Serving;

/// <summary>Limits of online and batch scoring (configuration section <c>Serving</c>).</summary>
public sealed class ServingOptions
{
    public const string SectionName = "Serving";

    /// <summary>Rows (or keys) per online score request; more is a 400. The body limit (HttpApi:MaxBodyBytes) applies too.</summary>
    public int MaxRows { get; set; } = 1000;

    /// <summary>The Retry-After of a 503 answered when no ONNX worker is ready.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Records per batch-scoring activity: the unit of the batch fan-out over the workers.</summary>
    public long BatchChunkRows { get; set; } = 10_000;

    /// <summary>Rows per inference request a batch activity sends a worker.</summary>
    public int BatchInferenceRows { get; set; } = 1000;

    /// <summary>Share of score requests written to the request log, 0 to 1 (default 1: every request), decided by request id.</summary>
    public double RequestLogSampleRate { get; set; } = 1.0;

    /// <summary>
    /// Seconds a deployment that left an endpoint's routing table stays loaded on the workers before it is unloaded,
    /// so requests routed by the table before the change finish on it (default 30).
    /// </summary>
    public int RetireDrainSeconds { get; set; } = 30;

    /// <summary>Mirrored copies scored at once per host; the copies wait in a queue of <see cref="MirrorQueue"/>.</summary>
    public int MirrorConcurrency { get; set; } = 4;

    /// <summary>Mirrored copies waiting per host; when it is full a request is answered without a mirror (counted, never delayed).</summary>
    public int MirrorQueue { get; set; } = 1000;
}
