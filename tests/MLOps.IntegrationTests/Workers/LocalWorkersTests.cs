using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Workers;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.LocalHost;
using MLOps.LocalHost.Workers;

namespace MLOps.IntegrationTests.Workers;

[Collection(WorkerCollection.Name)]
public sealed class LocalWorkersTests(WorkerFixture workers) : IDisposable
{
    private readonly string keyFolder = Path.Combine(Path.GetTempPath(), "mlops-keys-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_embedded_host_starts_workers_that_trust_its_signing_key_and_kills_them_when_it_stops()
    {
        string keyPath = Path.Combine(this.keyFolder, "signing.pem");
        WebApplication app = LocalHostBuilder.Build([], workers.Storage.ConnectionString, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestKeys.AsConfiguration())
            {
                ["DurableEngine:TaskHubName"] = "lw" + Guid.NewGuid().ToString("N")[..10],
                ["LandingWatcher:Enabled"] = "false",
                ["Workers:Local:Count"] = "2",
                ["Workers:Local:Settings:Worker:MaxBatchSize"] = "32",
                ["Packaging:LocalKeyPath"] = keyPath,
            });
            builder.WebHost.UseUrls($"http://127.0.0.1:{FreePorts.Next()}");
        });
        await app.StartAsync();
        LocalWorkers local = app.Services.GetRequiredService<LocalWorkers>();
        InferenceWorkerPool pool = app.Services.GetRequiredService<InferenceWorkerPool>();
        int[] processes = [.. local.Processes.Select(p => p.ProcessId)];
        try
        {
            await local.Joined.WaitAsync(TimeSpan.FromSeconds(120));
            IReadOnlyList<InferenceWorkerClient> ready = await pool.GetReadyAsync();

            // A package signed with the host's own key (generated at keyPath on start) loads on its workers.
            using PackageSigner signer = PackageSigningKeys.Load(new PackageSigningOptions { LocalKeyPath = keyPath }, NullLogger.Instance);
            string digest = await workers.PackageAsync(version: 9, signer);
            InferenceWorkerClient worker = await pool.NextReadyAsync();
            await worker.LoadAsync("local.credit", digest);
            InferenceResult result = await worker.InferAsync("local.credit", null, workers.Model.Row(0), WorkerFixture.Width);
            InferenceWorkerException tooMany = await Assert.ThrowsAsync<InferenceWorkerException>(() => worker.InferAsync("local.credit", null, workers.Model.Rows, WorkerFixture.Width));

            Assert.Equal(2, ready.Count);
            Assert.All(ready, c => Assert.Equal("127.0.0.1", c.Endpoint.Host));
            Assert.Equal(workers.Model.ScoreInProcess(workers.Model.Row(0))["Probability.output"], result.Output("Probability.output").Data);
            Assert.Contains("more than 32 rows", tooMany.Error, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Assert.Empty(pool.Endpoints);
        Assert.All(processes, id => Assert.False(IsRunning(id), $"worker process {id} still runs"));
    }

    public void Dispose()
    {
        if (Directory.Exists(this.keyFolder))
        {
            Directory.Delete(this.keyFolder, recursive: true);
        }
    }

    private static bool IsRunning(int id)
    {
        try
        {
            using Process process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
