namespace MLOps.LocalHost.Workers;

/// <summary>
/// The ONNX workers the embedded host starts on loopback (section <c>Workers:Local</c>), as Container Apps runs
/// them in Azure: each is <c>dotnet MLOps.OnnxWorker.dll</c> from the worker project's own build output.
/// </summary>
public sealed record LocalWorkerOptions
{
    public const string SectionName = "Workers:Local";

    /// <summary>Worker processes to start; 0 starts none.</summary>
    public int Count { get; init; } = 1;

    /// <summary>The worker's dll; empty: the build output of functions/MLOps.OnnxWorker for this build's configuration.</summary>
    public string? WorkerPath { get; init; }

    /// <summary>How long a worker may take to answer /v2/health/ready before the host gives up on it (and logs why).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Compile-time default of <see cref="WorkerPath"/>, written by the project file.</summary>
    public static string? BuiltWorkerPath =>
        typeof(LocalWorkerOptions).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "OnnxWorkerPath")?.Value;

    public string? ResolvedWorkerPath => string.IsNullOrWhiteSpace(this.WorkerPath) ? BuiltWorkerPath : this.WorkerPath;
}
