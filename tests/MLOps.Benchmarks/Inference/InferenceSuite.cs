using System.Globalization;
using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Workers;
using MLOps.IntegrationTests.Workers;
using MLOps.LocalHost.Azurite;
using MLOps.LocalHost.Workers;

namespace MLOps.Benchmarks.Inference;

/// <summary>
/// The "inference" suite: ONNX Runtime in this process against the ONNX worker's V2 REST inference, with dynamic
/// batching on (the defaults) and off, at batch 1 and 64 and concurrency 1 and 32, on a FastTree credit model (100
/// trees of 20 leaves on the credit feature set). The workers are real processes from the worker's build output
/// (ONNX Runtime's CUDA build; its CPU provider without a GPU), started as the embedded host starts them, loading a
/// real signed package (PackageAssembler) from a private Azurite.
/// </summary>
public static class InferenceSuite
{
    public const string InProcess = "in-process ORT";
    public const string ModelName = "bench.credit";

    /// <summary>The credit feature set's width (credit-scoring.json), checked against the trained model.</summary>
    public const int Width = 21;

    public static async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(progress);
        string location = Path.Combine(Path.GetTempPath(), $"mlops-bench-inf-{Guid.NewGuid():N}");
        var azuriteOptions = new AzuriteOptions { Location = location, BlobPort = arguments.Port, QueuePort = arguments.Port + 1, TablePort = arguments.Port + 2 };
        await BenchmarkRunner.EnsurePortsFreeAsync(azuriteOptions);
        var workers = new List<LocalWorkerProcess>();
        try
        {
            await using AzuriteProcess azurite = await AzuriteProcess.EnsureRunningAsync(azuriteOptions, cancellationToken);
            CreditModel model = await CreditModel.TrainAsync(trees: 100, leaves: 20, rows: 1024);
            if (model.Width != Width)
            {
                throw new InvalidOperationException($"The credit feature set has {model.Width} columns, not {Width}.");
            }

            using var signer = new PackageSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
            string digest = await model.PublishAsync(new BlobServiceClient(azurite.ConnectionString), signer, version: 1);
            await progress.WriteLineAsync($"Trained and packaged the model ({model.Onnx.Length} bytes of ONNX), package {digest[..12]}");

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromMinutes(2) };
            var environment = new Dictionary<string, string>
            {
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Packaging__PublicKeyPem"] = signer.PublicKeyPem,
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__MLOps"] = "Warning",
            };
            var targets = new List<IInferenceTarget>();
            using var inProcess = new InProcessTarget(model.Onnx);
            using var preallocated = new PreallocatedTarget(model.Onnx);
            targets.Add(inProcess);
            targets.Add(preallocated);
            string provider = "?";
            foreach ((string label, bool batching) in new[] { ("worker, batching on", true), ("worker, batching off", false) })
            {
                LocalWorkerProcess worker = LocalWorkerProcess.Start(
                    LocalWorkerOptions.BuiltWorkerPath!,
                    Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                    environment,
                    [new("Worker:DynamicBatching:Enabled", batching ? "true" : "false")],
                    NullLogger.Instance);
                workers.Add(worker);
                if (!await worker.WaitUntilReadyAsync(http, TimeSpan.FromMinutes(2), cancellationToken))
                {
                    throw new InvalidOperationException($"The worker did not become ready:{Environment.NewLine}{worker.Tail}");
                }

                var client = new InferenceWorkerClient(http, worker.Endpoint, worker.AccessKey);
                provider = (await client.LoadAsync(ModelName, digest, cancellationToken)).Provider ?? "?";
                targets.Add(new WorkerTarget(label, client, ModelName));
            }

            await CheckAgreementAsync(targets, model.Rows, cancellationToken);
            var runs = new List<LatencyRun>();
            foreach ((int batch, int concurrency) in new[] { (1, 1), (1, 32), (64, 1), (64, 32) })
            {
                for (int round = 1; round <= arguments.Repeat; round++)
                {
                    foreach (IInferenceTarget target in round % 2 == 1 ? targets : Enumerable.Reverse(targets))
                    {
                        await LatencyRun.MeasureAsync(target, model.Rows, batch, concurrency, Math.Max(10, arguments.Requests / 10), cancellationToken);
                        LatencyRun run = await LatencyRun.MeasureAsync(target, model.Rows, batch, concurrency, arguments.Requests, cancellationToken);
                        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"batch {batch,2} × {concurrency,2}: {target.Name,-22} {run.RowsPerSecond,9:F0} rows/s  p50 {run.P50:F3} ms  p99 {run.P99:F3} ms"));
                        runs.Add(run);
                    }
                }
            }

            string table = InferenceTable.Render(arguments, provider, Median(runs));
            await Console.Out.WriteAsync(table);
            if (arguments.Out is { } path)
            {
                await File.WriteAllTextAsync(path, table, cancellationToken);
            }

            return 0;
        }
        finally
        {
            foreach (LocalWorkerProcess worker in workers)
            {
                await worker.DisposeAsync();
            }

            try
            {
                Directory.Delete(location, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the folder is under the temp directory.
            }
        }
    }

    /// <summary>Every target must give the same probabilities for the same rows before anything is timed.</summary>
    private static async Task CheckAgreementAsync(List<IInferenceTarget> targets, float[] rows, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<float> sample = rows.AsMemory(0, 64 * InferenceSuite.Width);
        float[] expected = await targets[0].ScoreAsync(sample, cancellationToken);
        foreach (IInferenceTarget target in targets.Skip(1))
        {
            float[] actual = await target.ScoreAsync(sample, cancellationToken);
            if (!expected.SequenceEqual(actual))
            {
                throw new InvalidOperationException($"{target.Name} scores differ from {targets[0].Name}.");
            }
        }
    }

    /// <summary>With --repeat, the round with the median throughput of each scenario and target.</summary>
    private static List<LatencyRun> Median(List<LatencyRun> runs) =>
        [.. runs.GroupBy(r => (r.Batch, r.Concurrency, r.Target)).Select(g => g.OrderBy(r => r.RowsPerSecond).ElementAt(g.Count() / 2))];
}
