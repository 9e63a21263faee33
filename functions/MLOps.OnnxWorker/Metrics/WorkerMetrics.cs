using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MLOps.OnnxWorker.Metrics;

/// <summary>
/// The worker's instruments, on the <c>MLOps.OnnxWorker</c> meter, labelled by model and version: inference requests
/// and errors (by status), rows per ONNX Runtime call (the dynamic batch size), time a request waited for its batch,
/// time of each call; plus the execution provider and the loaded versions as gauges. GET /metrics exposes them in
/// Prometheus text format (<see cref="PrometheusExposition"/>); any other listener (OpenTelemetry) sees the same.
/// </summary>
public sealed class WorkerMetrics
{
    public const string MeterName = "MLOps.OnnxWorker";

    // Rows per call: powers of two up to the default maximum batch size.
    private static readonly double[] BatchBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    // Seconds: 10 µs to 10 s; queue waits and CPU runs of tabular models sit at the low end.
    private static readonly double[] TimeBuckets = [1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 2.5e-3, 5e-3, 1e-2, 2.5e-2, 5e-2, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> requests;
    private readonly Counter<long> errors;
    private readonly Histogram<double> batchSize;
    private readonly Histogram<double> queueTime;
    private readonly Histogram<double> inferenceTime;

    public WorkerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        this.Meter = meterFactory.Create(MeterName);
        this.requests = this.Meter.CreateCounter<long>("mlops.worker.requests", description: "Inference requests received for a model version.");
        this.errors = this.Meter.CreateCounter<long>("mlops.worker.errors", description: "Inference requests answered with an error, by HTTP status.");
        this.batchSize = this.Meter.CreateHistogram("mlops.worker.batch_size", "{row}", "Rows per ONNX Runtime call (dynamic batch size).", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BatchBuckets });
        this.queueTime = this.Meter.CreateHistogram("mlops.worker.queue_time", "s", "Time a request waited in its model's queue before its batch ran.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TimeBuckets });
        this.inferenceTime = this.Meter.CreateHistogram("mlops.worker.inference_time", "s", "Time of one ONNX Runtime call.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TimeBuckets });
    }

    public Meter Meter { get; }

    public void Request(ModelTags tags) => this.requests.Add(1, tags.Tags);

    public void Error(string model, string version, int status) =>
        this.errors.Add(1, new TagList { { "model", model }, { "version", version }, { "status", StatusText(status) } });

    public void QueueTime(ModelTags tags, TimeSpan waited) => this.queueTime.Record(waited.TotalSeconds, tags.Tags);

    public void Batch(ModelTags tags, int rows, TimeSpan took)
    {
        this.batchSize.Record(rows, tags.Tags);
        this.inferenceTime.Record(took.TotalSeconds, tags.Tags);
    }

    /// <summary>The execution provider this worker's sessions get ("CUDA" or "CPU") as a gauge with value 1.</summary>
    public void ObserveProvider(Func<string> provider) =>
        this.Meter.CreateObservableGauge("mlops.worker.provider", () => new Measurement<int>(1, new KeyValuePair<string, object?>("provider", provider())), description: "The ONNX Runtime execution provider new sessions run on (value 1).");

    /// <summary>One series per loaded model version, value 1, labelled with its provider and package digest.</summary>
    public void ObserveModels(Func<IEnumerable<(string Model, string Version, string Provider, string Package)>> models) =>
        this.Meter.CreateObservableGauge(
            "mlops.worker.model_loaded",
            () => models().Select(m => new Measurement<int>(1, new TagList { { "model", m.Model }, { "version", m.Version }, { "provider", m.Provider }, { "package", m.Package } })),
            description: "Model versions loaded (value 1), with the provider their session runs on and the package digest.");

    private static string StatusText(int status) => status switch
    {
        400 => "400",
        404 => "404",
        413 => "413",
        500 => "500",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
