using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MLOps.Core.Storage;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.Storage;

/// <summary>The sweeper on real Blob storage: staging older than the grace period goes, everything else stays.</summary>
[Collection(StorageCollection.Name)]
public sealed class StagingSweeperTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Only_staging_older_than_the_grace_period_is_deleted_and_counted()
    {
        var blobs = new BlobServiceClient(storage.ConnectionString);
        string tag = Guid.NewGuid().ToString("N")[..8];
        string[] staged = [$"snapshots/_staging/{tag}", $"snapshots/_staging/{tag}.parquet", $"models/_staging/p{tag}/m/1/model.onnx"];
        string[] kept = [$"snapshots/p{tag}/raw/abc.csv", $"models/p{tag}/m/1/model.onnx"];
        foreach (string path in staged.Concat(kept))
        {
            BlobContainerClient container = blobs.GetBlobContainerClient(path.Split('/')[0]);
            await container.CreateIfNotExistsAsync();
            await container.GetBlobClient(path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..]).UploadAsync(BinaryData.FromString("x"), overwrite: true);
        }

        var measurements = new List<(string Name, long Value)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "mlops.staging.swept")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.Add((instrument.Name, value)));
        listener.Start();

        int now = await Sweeper(blobs, TimeProvider.System).SweepAsync();
        int later = await Sweeper(blobs, new Later(TimeSpan.FromHours(2))).SweepAsync();

        Assert.Equal(0, now);
        Assert.True(later >= staged.Length, $"swept {later}");
        foreach (string path in staged)
        {
            Assert.False(await Exists(blobs, path), path);
        }

        foreach (string path in kept)
        {
            Assert.True(await Exists(blobs, path), path);
        }

        Assert.Equal(later, measurements.Sum(m => m.Value));
    }

    private static StagingSweeper Sweeper(BlobServiceClient blobs, TimeProvider clock) => new(
        blobs,
        clock,
        TestMetrics.Create(),
        Options.Create(new StagingSweepOptions { GracePeriod = TimeSpan.FromHours(1) }),
        NullLogger<StagingSweeper>.Instance);

    private static async Task<bool> Exists(BlobServiceClient blobs, string path) =>
        await blobs.GetBlobContainerClient(path.Split('/')[0]).GetBlobClient(path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..]).ExistsAsync();

    /// <summary>The clock of a sweep that runs <paramref name="offset"/> later.</summary>
    private sealed class Later(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;
    }
}
