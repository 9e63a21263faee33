namespace MLOps.Core.Serving.Workers;

/// <summary>
/// The ONNX workers a host routes inference to (section <c>Workers</c>): in Azure the Container App's URL, locally
/// the embedded host adds the workers it starts at run time.
/// </summary>
public sealed record WorkerPoolOptions
{
    public const string SectionName = "Workers";

    /// <summary>Base URLs of the workers, e.g. https://mlops-onnx.example.azurecontainerapps.io.</summary>
    public IReadOnlyList<string> Endpoints { get; init; } = [];

    /// <summary>The workers' access key (their Worker:AccessKey), sent as a bearer token; empty when they have none.</summary>
    public string? AccessKey { get; init; }

    /// <summary>How long a worker's answer to /v2/health/ready is trusted before it is asked again.</summary>
    public TimeSpan ReadinessCacheDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a readiness probe may take; a worker that has not answered by then counts as not ready.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long any other request to a worker (load, inference) may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The first endpoint that is not an absolute http(s) URL, or null when all are.</summary>
    public string? InvalidEndpoint() =>
        this.Endpoints.FirstOrDefault(e => !Uri.TryCreate(e, UriKind.Absolute, out Uri? uri) || uri.Scheme is not ("http" or "https"));
}
