using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Workers;
using MLOps.Core.Storage;

namespace MLOps.LocalHost.Workers;

/// <summary>
/// Starts <see cref="LocalWorkerOptions.Count"/> ONNX workers with the host, as containers run in Azure: each gets the
/// storage connection string, the public keys the host trusts (its package signing key's and any configured extra,
/// so a worker loads exactly the packages this host would verify) and a fresh access key; once a worker answers /v2/health/ready it joins the
/// <see cref="InferenceWorkerPool"/>. The workers are killed when the host stops, and exit by themselves if the
/// host dies (they watch its process id).
/// </summary>
public sealed class LocalWorkers(
    IOptions<LocalWorkerOptions> options,
    IOptions<StorageOptions> storage,
    PackageSigner signer,
    IOptions<PackageSigningOptions> signing,
    IConfiguration configuration,
    InferenceWorkerPool pool,
    ILogger<LocalWorkers> logger) : IHostedService, IAsyncDisposable
{
    private readonly List<LocalWorkerProcess> processes = [];
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource stopping = new();
    private Task joining = Task.CompletedTask;
    private int disposed;

    /// <summary>The processes started (for tests and diagnostics).</summary>
    public IReadOnlyList<LocalWorkerProcess> Processes => this.processes;

    /// <summary>Completes when every worker started has joined the pool or been given up on.</summary>
    public Task Joined => this.joining;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        LocalWorkerOptions local = options.Value;
        if (local.Count <= 0)
        {
            return Task.CompletedTask;
        }

        string? dll = local.ResolvedWorkerPath;
        if (dll is null || !File.Exists(dll))
        {
            logger.LogError("ONNX workers are not started: the worker is not built at '{Path}'. Build functions/MLOps.OnnxWorker or set Workers:Local:WorkerPath.", dll);
            return Task.CompletedTask;
        }

        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = storage.Value.ConnectionString,
            ["Packaging__PublicKeyPem"] = signer.PublicKeyPem,
        };
        for (int i = 0; i < signing.Value.TrustedPublicKeysPem.Count; i++)
        {
            environment[$"Packaging__TrustedPublicKeysPem__{i}"] = signing.Value.TrustedPublicKeysPem[i];
        }

        KeyValuePair<string, string?>[] settings = [.. configuration.GetSection(LocalWorkerOptions.SectionName + ":Settings").AsEnumerable(makePathsRelative: true)];
        var joins = new List<Task>();
        for (int i = 0; i < local.Count; i++)
        {
            string accessKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            LocalWorkerProcess worker = LocalWorkerProcess.Start(dll, accessKey, environment, settings, logger);
            this.processes.Add(worker);
            logger.LogInformation("Started ONNX worker {Endpoint} (process {ProcessId}).", worker.Endpoint, worker.ProcessId);
            joins.Add(this.JoinWhenReadyAsync(worker, local.StartTimeout));
        }

        this.joining = Task.WhenAll(joins);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await this.stopping.CancelAsync();
        foreach (LocalWorkerProcess worker in this.processes)
        {
            pool.Remove(worker.Endpoint);
            await worker.DisposeAsync();
        }

        this.processes.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as itself and as a hosted service: the container may dispose it twice.
        if (Interlocked.Exchange(ref this.disposed, 1) == 1)
        {
            return;
        }

        await this.StopAsync(CancellationToken.None);
        this.http.Dispose();
        this.stopping.Dispose();
    }

    private async Task JoinWhenReadyAsync(LocalWorkerProcess worker, TimeSpan timeout)
    {
        try
        {
            if (await worker.WaitUntilReadyAsync(this.http, timeout, this.stopping.Token))
            {
                pool.Add(worker.Endpoint, worker.AccessKey);
                logger.LogInformation("ONNX worker {Endpoint} is ready and joined the pool.", worker.Endpoint);
            }
            else
            {
                logger.LogError("ONNX worker {Endpoint} did not become ready within {Timeout}; it is not used. Its last output:{NewLine}{Tail}", worker.Endpoint, timeout, Environment.NewLine, worker.Tail);
            }
        }
        catch (OperationCanceledException) when (this.stopping.IsCancellationRequested)
        {
            // The host stopped first.
        }
    }
}
