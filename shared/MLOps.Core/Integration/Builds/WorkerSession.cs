using System.Diagnostics;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Workers;

namespace MLOps.Core.Integration.Builds;

/// <summary>
/// A build's package loaded on one ready ONNX worker under a name of its own (<c>ci-{check}-{digest prefix}</c>), so
/// checks running at once never unload each other's model; scores rows through the worker's KServe V2 route and
/// unloads the model when disposed. The worker verifies the package's signature and digests before it serves it.
/// </summary>
public sealed class WorkerSession : IAsyncDisposable
{
    /// <summary>Rows per inference request: well under a worker's default max batch size (1024).</summary>
    public const int BatchRows = 256;

    private readonly InferenceWorkerClient worker;
    private readonly InferenceRequestOptions request;

    private WorkerSession(InferenceWorkerClient worker, string name, int width, string output, string? provider)
    {
        this.worker = worker;
        this.Name = name;
        this.Provider = provider;
        this.Width = width;
        this.request = new InferenceRequestOptions { Outputs = [output] };
    }

    /// <summary>The serving name the package is loaded under.</summary>
    public string Name { get; }

    /// <summary>The model's input width.</summary>
    public int Width { get; }

    public Uri Worker => this.worker.Endpoint;

    /// <summary>The execution provider the worker runs the model on (CUDA or CPU), as it reported on load.</summary>
    public string? Provider { get; }

    /// <exception cref="InferenceWorkerException">No worker is ready, or the worker refused the package.</exception>
    public static async Task<WorkerSession> OpenAsync(InferenceWorkerPool pool, ModelPackage package, string check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(package);
        PackageDescriptor descriptor = package.Descriptor;
        string output = descriptor.Outputs.FirstOrDefault(o => o.Score == true)?.Name
            ?? throw new InvalidPackageException(package.Digest, $"'{PackageLayout.Descriptor}' marks none of the model's outputs as its score.");
        InferenceWorkerClient worker = await pool.NextReadyAsync(cancellationToken);
        string name = $"ci-{check}-{package.Digest[..16]}";
        WorkerModelMetadata loaded = await worker.LoadAsync(name, package.Digest, cancellationToken);
        return new WorkerSession(worker, name, descriptor.Input.Width, output, loaded.Provider);
    }

    /// <summary>The score output of every row, flat and row-major (one value per row for a [n, 1] score), as the worker returned it.</summary>
    public async Task<double[]> ScoreAsync(IReadOnlyList<float[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var scores = new List<double>(rows.Count);
        for (int start = 0; start < rows.Count; start += BatchRows)
        {
            int count = Math.Min(BatchRows, rows.Count - start);
            float[] batch = new float[count * this.Width];
            for (int r = 0; r < count; r++)
            {
                float[] row = rows[start + r];
                if (row.Length != this.Width)
                {
                    throw new ArgumentException($"Row {start + r} has {row.Length} values; the model takes {this.Width}.", nameof(rows));
                }

                row.CopyTo(batch, r * this.Width);
            }

            InferenceResult result = await this.worker.InferAsync(this.Name, null, batch, this.Width, this.request, cancellationToken);
            scores.AddRange(result.Output(this.request.Outputs![0]).Data);
        }

        return [.. scores];
    }

    /// <summary>Milliseconds of each single-row request, end to end through the worker's HTTP route.</summary>
    public async Task<double[]> TimeSingleRowsAsync(IReadOnlyList<float[]> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        double[] latencies = new double[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            long started = Stopwatch.GetTimestamp();
            await this.worker.InferAsync(this.Name, null, rows[r], this.Width, this.request, cancellationToken);
            latencies[r] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return latencies;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await this.worker.UnloadAsync(this.Name, CancellationToken.None);
        }
        catch (InferenceWorkerException)
        {
            // A worker that went away unloaded it with itself; one that refuses keeps a model nobody calls.
        }
    }
}
