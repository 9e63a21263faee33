using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MLOps.Benchmarks.Inference;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Workers;
using MLOps.LocalHost;
using MLOps.LocalHost.Azurite;
using MLOps.LocalHost.Workers;

namespace MLOps.Benchmarks.Serving;

/// <summary>
/// The "serving" suite: for one model (FastTree trained by the experiment pipeline, packaged, deployed to an endpoint
/// of the embedded host) and the same credit records, in one run: raw in-process encoding + ONNX Runtime (the
/// baseline), ONNX Runtime alone on encoded rows, the worker's V2 infer with dynamic batching on (the host's worker)
/// and off (a second worker), and the scoring endpoint with raw records over HTTP; then batch scoring of a generated
/// credit file against the raw baseline on the same file.
/// </summary>
public static class ServingSuite
{
    public const string Raw = "raw: encode + in-process ORT";
    public const string OrtOnly = "in-process ORT, encoded rows";

    // Local only: the benchmark's host listens on loopback, on a random port, for the length of the run.
    private const string ApiKey = "serving-benchmark-key";

    private static readonly InferenceRequestOptions Score = new();

    public static async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(progress);
        string location = Path.Combine(Path.GetTempPath(), $"mlops-bench-srv-{Guid.NewGuid():N}");
        var azuriteOptions = new AzuriteOptions { Location = location, BlobPort = arguments.Port, QueuePort = arguments.Port + 1, TablePort = arguments.Port + 2 };
        await BenchmarkRunner.EnsurePortsFreeAsync(azuriteOptions);
        LocalWorkerProcess? unbatched = null;
        try
        {
            await using AzuriteProcess azurite = await AzuriteProcess.EnsureRunningAsync(azuriteOptions, cancellationToken);
            await using WebApplication app = BuildHost(azurite.ConnectionString);
            await app.StartAsync(cancellationToken);
            try
            {
                string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(address + "/"), Timeout = TimeSpan.FromMinutes(5) };
                http.DefaultRequestHeaders.Add("x-api-key", ApiKey);
                ServingDeployment deployment = await ServingDeployment.PrepareAsync(app, http, arguments.Timeout, progress, cancellationToken);
                using var raw = new RawScorer(deployment.Package, deployment.Onnx);

                // The host's worker (batching on: the defaults) and a second one with batching off, loading the same package.
                InferenceWorkerClient batched = (await app.Services.GetRequiredService<InferenceWorkerPool>().GetReadyAsync(cancellationToken))[0];
                unbatched = LocalWorkerProcess.Start(
                    LocalWorkerOptions.BuiltWorkerPath!,
                    Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                    new Dictionary<string, string>
                    {
                        ["Storage__ConnectionString"] = azurite.ConnectionString,
                        ["Packaging__PublicKeyPem"] = app.Services.GetRequiredService<PackageSigner>().PublicKeyPem,
                        ["Logging__LogLevel__Default"] = "Warning",
                    },
                    [new("Worker:DynamicBatching:Enabled", "false")],
                    NullLogger.Instance);
                if (!await unbatched.WaitUntilReadyAsync(http, TimeSpan.FromMinutes(2), cancellationToken))
                {
                    throw new InvalidOperationException($"The second worker did not become ready:{Environment.NewLine}{unbatched.Tail}");
                }

                var unbatchedClient = new InferenceWorkerClient(http, unbatched.Endpoint, unbatched.AccessKey);
                await unbatchedClient.LoadAsync(deployment.ServingName, deployment.Digest, cancellationToken);

                List<LatencyRun> online = await MeasureOnlineAsync(arguments, deployment, raw, http, batched, unbatchedClient, progress, cancellationToken);
                BatchResult batch = await BatchScoringRun.RunAsync(app, http, deployment, raw, arguments, progress, cancellationToken);
                string table = ServingTable.Render(arguments, online, batch);
                await Console.Out.WriteAsync(table);
                if (arguments.Out is { } path)
                {
                    await File.WriteAllTextAsync(path, table, cancellationToken);
                }

                return 0;
            }
            finally
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await app.StopAsync(stopping.Token);
            }
        }
        finally
        {
            if (unbatched is not null)
            {
                await unbatched.DisposeAsync();
            }

            BenchmarkRunner.TryDelete(location);
        }
    }

    private static async Task<List<LatencyRun>> MeasureOnlineAsync(
        BenchmarkArguments arguments,
        ServingDeployment deployment,
        RawScorer raw,
        HttpClient http,
        InferenceWorkerClient batched,
        InferenceWorkerClient unbatched,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        // The bundled records the package accepts (a record a rule refuses would be answered 400 and scored by nobody).
        List<IReadOnlyDictionary<string, string?>> records = [.. (await CreditRecords.ReadAsync(
                Path.Combine(RepositoryRoot.Find(), "shared", "data", "credit_data.csv"), "Status", cancellationToken))
            .Where(r => raw.Encoder.Encode(r).Values is not null)];
        float[] encoded = raw.Encode(records);
        int width = raw.Width;
        string scoreUrl = $"api/projects/{deployment.Project}/endpoints/{deployment.Endpoint}/score";
        string output = deployment.Package.ScoreOutput;

        var targets = new List<(string Name, Func<int, int, CancellationToken, Task<float[]>> Score)>
        {
            (Raw, (start, n, _) => Task.FromResult(raw.EncodeAndScore(records.GetRange(start, n)))),
            (OrtOnly, (start, n, _) => Task.FromResult(raw.Score(encoded.AsSpan(start * width, n * width).ToArray()))),
            ("worker V2, batching on", async (start, n, ct) =>
                (await batched.InferAsync(deployment.ServingName, null, encoded.AsMemory(start * width, n * width), width, Score, ct)).Scores(output)),
            ("worker V2, batching off", async (start, n, ct) =>
                (await unbatched.InferAsync(deployment.ServingName, null, encoded.AsMemory(start * width, n * width), width, Score, ct)).Scores(output)),
            ("endpoint /score, raw records", (start, n, ct) => ScoreOverHttpAsync(http, scoreUrl, records, start, n, ct)),
        };

        // Before anything is timed, every target must answer the raw baseline's scores for the same 64 records.
        float[] expected = await targets[0].Score(0, 64, cancellationToken);
        foreach ((string name, Func<int, int, CancellationToken, Task<float[]>> score) in targets.Skip(1))
        {
            float[] actual = await score(0, 64, cancellationToken);
            if (actual.Length != 64 || actual.Zip(expected).Any(p => Math.Abs(p.First - p.Second) > 1e-6))
            {
                throw new InvalidOperationException($"{name} scores differ from the raw baseline's.");
            }
        }

        var runs = new List<LatencyRun>();
        foreach ((int batch, int concurrency) in new[] { (1, 1), (1, 32), (64, 1), (64, 32) })
        {
            int slices = records.Count / batch;
            foreach ((string name, Func<int, int, CancellationToken, Task<float[]>> score) in targets)
            {
                Func<int, CancellationToken, Task<int>> call = async (i, ct) => (await score((i % slices) * batch, batch, ct)).Length;
                await LatencyRun.MeasureAsync(name, batch, concurrency, Math.Max(10, arguments.Requests / 10), call, cancellationToken);
                LatencyRun run = await LatencyRun.MeasureAsync(name, batch, concurrency, arguments.Requests, call, cancellationToken);
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"batch {batch,2} × {concurrency,2}: {name,-30} {run.RowsPerSecond,9:F0} rows/s  p50 {run.P50:F3} ms  p99 {run.P99:F3} ms"));
                runs.Add(run);
            }
        }

        return runs;
    }

    private static async Task<float[]> ScoreOverHttpAsync(
        HttpClient http, string url, List<IReadOnlyDictionary<string, string?>> records, int start, int n, CancellationToken cancellationToken)
    {
        var rows = new JsonArray([.. records.GetRange(start, n).Select(CreditRecords.ToJson)]);
        using var content = new StringContent(new JsonObject { ["rows"] = rows }.ToJsonString(), Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync(url, content, cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"score answered {(int)response.StatusCode}: {body}");
        }

        using JsonDocument json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("score").GetSingle())];
    }

    private static WebApplication BuildHost(string connectionString) =>
        LocalHostBuilder.Build([], connectionString, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DurableEngine:TaskHubName"] = "benchsrv" + Guid.NewGuid().ToString("N")[..12],
                ["LandingWatcher:Enabled"] = "false",
                ["Security:ApiKeys:0:Principal"] = "benchmark",
                ["Security:ApiKeys:0:KeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
                ["Security:ApiKeys:0:Roles:0"] = "Admin",
                ["Logging:LogLevel:MLOps"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            });
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
}
