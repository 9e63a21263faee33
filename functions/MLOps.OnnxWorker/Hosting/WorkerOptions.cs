namespace MLOps.OnnxWorker.Hosting;

/// <summary>The worker's settings (section <c>Worker</c>); dynamic batching has its own subsection.</summary>
public sealed record WorkerOptions
{
    public const string SectionName = "Worker";

    /// <summary>
    /// Triton's max_batch_size: the most rows one request may carry (more is a 400) and the most rows one ONNX Runtime
    /// call runs; the per-instance input and output buffers are sized for it.
    /// </summary>
    public int MaxBatchSize { get; init; } = 1024;

    /// <summary>
    /// ONNX Runtime intra-op threads per session; 0 picks min(cores, 4). Tabular models gain little beyond a few
    /// threads, and the worker's HTTP handling needs cores too.
    /// </summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Try ONNX Runtime's CUDA execution provider first (falls back to CPU when CUDA 13 is not there).</summary>
    public bool PreferCuda { get; init; } = true;

    public int CudaDeviceId { get; init; }

    /// <summary>Largest request body accepted (413 beyond).</summary>
    public long MaxRequestBytes { get; init; } = 64L << 20;

    /// <summary>Largest model/model.onnx a load accepts (it is held in memory while it is verified and loaded).</summary>
    public long MaxModelBytes { get; init; } = 1L << 30;

    /// <summary>When set, every route but /v2/health/* requires "Authorization: Bearer {AccessKey}".</summary>
    public string? AccessKey { get; init; }

    /// <summary>A process whose exit stops this worker: the embedded host that started it, so a killed host leaves no orphans.</summary>
    public int? ParentProcessId { get; init; }

    public int ResolvedIntraOpThreads => this.IntraOpThreads > 0 ? this.IntraOpThreads : Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>The first setting out of range, or null.</summary>
    public string? Invalid() => this switch
    {
        { MaxBatchSize: < 1 or > 1_000_000 } => "Worker:MaxBatchSize must be between 1 and 1000000.",
        { IntraOpThreads: < 0 } => "Worker:IntraOpThreads must be 0 (automatic) or more.",
        { MaxRequestBytes: < 1024 } => "Worker:MaxRequestBytes must be at least 1024.",
        { MaxModelBytes: < 1 or > int.MaxValue } => "Worker:MaxModelBytes must be between 1 and 2147483647.",
        _ => null,
    };
}
