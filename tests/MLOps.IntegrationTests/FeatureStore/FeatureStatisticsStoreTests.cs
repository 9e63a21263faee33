using Azure.Storage.Blobs;
using MLOps.Core.FeatureStore;
using MLOps.Core.Requirements;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.FeatureStore;

[Collection(StorageCollection.Name)]
public sealed class FeatureStatisticsStoreTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Statistics_are_written_once_beside_the_version_and_read_back()
    {
        var store = new FeatureStatisticsStore(new BlobServiceClient(storage.ConnectionString));
        var stats = new FeatureStatistics("stats-demo", 3, ModelTask.BinaryClassification, "bad", 100,
            [new FeatureStatistic("x", 1, 0.7, 0.1, 90, 0.3, 0.7, null, 0.42, 0.05), new FeatureStatistic("y", 2, null, 1, 0, null, null, null, null, null)],
            2);

        Assert.True(await store.SaveAsync(stats));
        Assert.False(await store.SaveAsync(stats with { Rows = 1 }));
        FeatureStatistics? loaded = await store.LoadAsync("stats-demo", 3);

        Assert.Equal("stats-demo/features/stats/000003.json", FeatureStatisticsStore.BlobName("stats-demo", 3));
        Assert.NotNull(loaded);
        Assert.Equal(stats.Features, loaded.Features);
        Assert.Equal((100L, 2, ModelTask.BinaryClassification), (loaded.Rows, loaded.PreviousVersion, loaded.Task));
        Assert.Null(await store.LoadAsync("stats-demo", 4));
    }
}
