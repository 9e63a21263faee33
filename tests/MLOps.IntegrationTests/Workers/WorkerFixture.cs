using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Workers;
using MLOps.IntegrationTests.Infrastructure;
using MLOps.LocalHost.Workers;

namespace MLOps.IntegrationTests.Workers;

/// <summary>
/// Real ONNX worker processes — the worker's own build output, with ONNX Runtime's Linux CUDA build (falling back
/// to its CPU provider here) — against a real Azurite, started exactly as the embedded host starts them
/// (<see cref="LocalWorkerProcess"/>), in three configurations: the defaults (maximum batch 64 to make "too many
/// rows" cheap), dynamic batching with a preferred batch of 8 and a long queue delay (so 8 concurrent requests
/// form exactly one batch), and batching off. The test process itself runs ONNX Runtime's CPU build through
/// MLOps.Training for reference scores.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    public const int PreferredBatch = 8;

    public const int DefaultMaxRequestBytes = 1 << 20;

    private readonly List<LocalWorkerProcess> workers = [];

    public AzuriteFixture Storage { get; } = new();

    public PackageSigner Signer { get; } = new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>The credit feature set's width (credit-scoring.json: 9 scalar features and 12 one-hot columns).</summary>
    public const int Width = 21;

    public CreditModel Model { get; private set; } = null!;

    public LocalWorkerProcess Default { get; private set; } = null!;

    public LocalWorkerProcess Batching { get; private set; } = null!;

    public LocalWorkerProcess Unbatched { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public BlobServiceClient Blobs => new(this.Storage.ConnectionString);

    public InferenceWorkerClient Client(LocalWorkerProcess worker) => new(this.Http, worker.Endpoint, worker.AccessKey);

    public async Task InitializeAsync()
    {
        await this.Storage.InitializeAsync();
        this.Model = await CreditModel.TrainAsync();
        Assert.Equal(Width, this.Model.Width);
        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = this.Storage.ConnectionString,
            ["Packaging__PublicKeyPem"] = this.Signer.PublicKeyPem,
        };
        this.Default = this.Start(environment, new()
        {
            ["Worker:MaxBatchSize"] = "64",
            ["Worker:MaxRequestBytes"] = DefaultMaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        this.Batching = this.Start(environment, new()
        {
            ["Worker:DynamicBatching:PreferredBatchSizes:0"] = PreferredBatch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Worker:DynamicBatching:MaxQueueDelayMicroseconds"] = "5000000",
        });
        this.Unbatched = this.Start(environment, new() { ["Worker:DynamicBatching:Enabled"] = "false" });
        foreach (LocalWorkerProcess worker in this.workers)
        {
            Assert.True(await worker.WaitUntilReadyAsync(this.Http, TimeSpan.FromSeconds(90), CancellationToken.None), $"Worker {worker.Endpoint} did not become ready:\n{worker.Tail}");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (LocalWorkerProcess worker in this.workers)
        {
            await worker.DisposeAsync();
        }

        this.Http.Dispose();
        this.Signer.Dispose();
        await this.Storage.DisposeAsync();
    }

    public Task<string> PackageAsync(int version, PackageSigner? signer = null) =>
        this.Model.PublishAsync(this.Blobs, signer ?? this.Signer, version);

    /// <summary>Overwrites one stored file of a package with its bytes where one byte is flipped (what tampering in storage looks like).</summary>
    public async Task FlipByteAsync(string digest, string path, int at)
    {
        BlobClient blob = this.Blobs.GetBlobContainerClient(MLOps.Core.Storage.BlobContainers.Packages).GetBlobClient($"{digest}/{path}");
        byte[] content = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        content[at] ^= 0x01;
        await blob.UploadAsync(new BinaryData(content), overwrite: true);
    }

    private LocalWorkerProcess Start(Dictionary<string, string> environment, Dictionary<string, string?> settings)
    {
        LocalWorkerProcess worker = LocalWorkerProcess.Start(
            LocalWorkerOptions.BuiltWorkerPath!, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), environment, settings, NullLogger.Instance);
        this.workers.Add(worker);
        return worker;
    }
}

[CollectionDefinition(Name)]
public sealed class WorkerCollection : ICollectionFixture<WorkerFixture>
{
    public const string Name = "OnnxWorkers";
}
