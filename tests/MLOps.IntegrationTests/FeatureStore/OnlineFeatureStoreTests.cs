using Azure.Data.Tables;
using MLOps.Core.FeatureStore;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.FeatureStore;

[Collection(StorageCollection.Name)]
public sealed class OnlineFeatureStoreTests(AzuriteFixture storage)
{
    private const int Keys = 1000;

    private static readonly string[] Features = ["amount", "age", "flag"];

    private readonly TableServiceClient tables = new(storage.ConnectionString);

    [Fact]
    public async Task Materialized_vectors_equal_the_frames_by_point_and_batch_lookup()
    {
        FeatureSetVersion version = Version(Project(), 1);
        var store = new OnlineFeatureStore(this.tables);

        MaterializationResult result = await store.MaterializeAsync(version, Frames(version.Version));

        Assert.Equal((Keys, (long)Keys, 0L), (result.Rows, result.Written, result.SkippedNewer));
        IReadOnlyDictionary<string, OnlineFeatureVector> all = await store.GetManyAsync(version.Project, Enumerable.Range(0, Keys).Select(Key));
        Assert.Equal(Keys, all.Count);
        for (int i = 0; i < Keys; i++)
        {
            AssertRow(i, version.Version, all[Key(i)]);
        }

        AssertRow(7, 1, (await store.GetAsync(version.Project, Key(7)))!);
        Assert.Null(await store.GetAsync(version.Project, "no-such-key"));
        Assert.Null(await store.GetAsync("never-materialized", Key(1)));
        Assert.True(await this.PartitionCountAsync(version.Project) > 200, "1,000 keys should spread over most of the 256 buckets.");
    }

    [Fact]
    public async Task Materializing_the_same_version_again_changes_nothing()
    {
        FeatureSetVersion version = Version(Project(), 1);
        var store = new OnlineFeatureStore(this.tables, maxParallelism: 2);
        await store.MaterializeAsync(version, Frames(version.Version));
        TableEntity before = await this.EntityAsync(version.Project, Key(3));

        MaterializationResult again = await store.MaterializeAsync(version, Frames(version.Version));

        Assert.Equal(0, again.SkippedNewer);
        Assert.Equal(Keys, await this.CountAsync(version.Project));
        TableEntity after = await this.EntityAsync(version.Project, Key(3));
        Assert.Equal(
            before.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key),
            after.Where(p => p.Key is not ("Timestamp" or "odata.etag")).OrderBy(p => p.Key));
    }

    [Fact]
    public async Task An_older_version_does_not_overwrite_a_newer_one()
    {
        string project = Project();
        var store = new OnlineFeatureStore(this.tables);
        await store.MaterializeAsync(Version(project, 2), Frames(2));

        MaterializationResult older = await store.MaterializeAsync(Version(project, 1), Frames(1));

        Assert.Equal((0L, (long)Keys), (older.Written, older.SkippedNewer));
        AssertRow(5, 2, (await store.GetAsync(project, Key(5)))!);

        MaterializationResult newer = await store.MaterializeAsync(Version(project, 3), Frames(3));
        Assert.Equal(Keys, newer.Written);
        AssertRow(5, 3, (await store.GetAsync(project, Key(5)))!);
    }

    [Fact]
    public async Task Racing_materializations_end_with_the_newest_version()
    {
        string project = Project();
        var store = new OnlineFeatureStore(this.tables);

        await Task.WhenAll(store.MaterializeAsync(Version(project, 1), Frames(1)), store.MaterializeAsync(Version(project, 2), Frames(2)));

        IReadOnlyDictionary<string, OnlineFeatureVector> all = await store.GetManyAsync(project, Enumerable.Range(0, Keys).Select(Key));
        Assert.All(all.Values, v => Assert.Equal(2, v.Version));
    }

    [Fact]
    public async Task A_repeated_key_keeps_its_latest_event()
    {
        string project = Project();
        FeatureSetVersion version = Version(project, 1) with { Features = ["x"] };
        var start = DateTimeOffset.UnixEpoch;
        FeatureFrame first = new(["dup", "other"], [start.AddDays(2), start], null, [new FeatureColumn("x", [2, 0])]);
        FeatureFrame second = new(["dup"], [start.AddDays(1)], null, [new FeatureColumn("x", [1])]);

        await new OnlineFeatureStore(this.tables).MaterializeAsync(version, Stream(first, second));

        Assert.Equal(2.0, (await new OnlineFeatureStore(this.tables).GetAsync(project, "dup"))!.Values["x"]);
    }

    [Fact]
    public async Task Consistency_check_finds_no_mismatch_until_a_row_is_tampered_with()
    {
        FeatureSetVersion version = Version(Project(), 1);
        var store = new OnlineFeatureStore(this.tables);
        var checker = new FeatureConsistencyChecker(store);
        await store.MaterializeAsync(version, Frames(1));

        ConsistencyReport sampled = await checker.CheckAsync(version, Frames(1), sample: 100, seed: 42);
        ConsistencyReport again = await checker.CheckAsync(version, Frames(1), sample: 100, seed: 42);

        Assert.InRange(sampled.Sampled, 60, 140);
        Assert.Equal(sampled.Sampled, again.Sampled);
        Assert.Equal((sampled.Sampled, 0), (sampled.Matched, sampled.MismatchCount));
        Assert.True(sampled.IsConsistent);

        TableClient table = this.tables.GetTableClient(OnlineTableLayout.TableName(version.Project));
        TableEntity tampered = await this.EntityAsync(version.Project, Key(7));
        tampered["F_amount"] = 999.0;
        await table.UpdateEntityAsync(tampered, tampered.ETag, TableUpdateMode.Replace);
        await table.DeleteEntityAsync(OnlineTableLayout.PartitionOf(Key(8)), OnlineTableLayout.RowKeyOf(Key(8)));

        ConsistencyReport full = await checker.CheckAsync(version, Frames(1), sample: Keys);

        Assert.Equal((Keys, Keys - 2, 1), (full.Sampled, full.Matched, full.MismatchCount));
        Assert.Equal(new ConsistencyMismatch(Key(7), "amount", Amount(7, 1), 999.0), Assert.Single(full.Mismatches));
        Assert.Equal([Key(8)], full.MissingKeys);
        Assert.False(full.IsConsistent);
    }

    private static string Project() => "online-" + Guid.NewGuid().ToString("N")[..8];

    private static string Key(int i) => i % 10 == 0 ? $"cust/{i:D4}#x" : $"k{i:D4}";

    private static double Amount(int i, int version) => (i * 1.37) + version + 0.1;

    private static FeatureSetVersion Version(string project, int version) => new()
    {
        Project = project,
        Version = version,
        Sha256 = $"sha-{version}",
        DataBlob = $"{project}/features/v{version}.parquet",
        Rows = Keys,
        EntityKey = "id",
        Features = Features,
        DefinitionsSha256 = "defs",
        SourceBlob = $"{project}/data.csv",
        SourceETag = "0x1",
        RawSnapshotSha256 = "raw",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>1,000 keys in four frames; every 9th age is missing, and values depend on the version.</summary>
    private static IAsyncEnumerable<FeatureFrame> Frames(int version) =>
        Stream([.. Enumerable.Range(0, 4).Select(part =>
        {
            int[] rows = [.. Enumerable.Range(part * 250, 250)];
            return new FeatureFrame(
                [.. rows.Select(Key)],
                null,
                null,
                [
                    new FeatureColumn("amount", [.. rows.Select(i => Amount(i, version))]),
                    new FeatureColumn("age", [.. rows.Select(i => i % 9 == 0 ? double.NaN : 18 + (i % 60))]),
                    new FeatureColumn("flag", [.. rows.Select(i => (double)(i % 2))]),
                ]);
        })]);

    private static async IAsyncEnumerable<FeatureFrame> Stream(params FeatureFrame[] frames)
    {
        foreach (FeatureFrame frame in frames)
        {
            await Task.Yield();
            yield return frame;
        }
    }

    private static void AssertRow(int i, int version, OnlineFeatureVector vector)
    {
        Assert.Equal((Key(i), version), (vector.Key, vector.Version));
        Assert.Equal(Amount(i, version), vector.Values["amount"]);
        Assert.Equal(i % 9 == 0 ? double.NaN : 18 + (i % 60), vector.Values["age"]);
        Assert.Equal(i % 2, vector.Values["flag"]);
    }

    private async Task<TableEntity> EntityAsync(string project, string key) =>
        (await this.tables.GetTableClient(OnlineTableLayout.TableName(project))
            .GetEntityAsync<TableEntity>(OnlineTableLayout.PartitionOf(key), OnlineTableLayout.RowKeyOf(key))).Value;

    private async Task<int> CountAsync(string project)
    {
        int count = 0;
        await foreach (TableEntity _ in this.tables.GetTableClient(OnlineTableLayout.TableName(project)).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private async Task<int> PartitionCountAsync(string project)
    {
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (TableEntity row in this.tables.GetTableClient(OnlineTableLayout.TableName(project)).QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            partitions.Add(row.PartitionKey);
        }

        return partitions.Count;
    }
}
