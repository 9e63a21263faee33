using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Requirements;
using MLOps.Core.Storage;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.FeatureStore;

/// <summary>The offline store against a real Azurite: versions, idempotent re-commits, reads and point-in-time joins.</summary>
public sealed class OfflineFeatureStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] Header = ["customer", "ts", "spend", "segment", "churned"];

    private static readonly FeatureDefinition[] Definitions =
    [
        new() { Name = "spend_log", Sources = ["spend"], Transform = new LogTransform() },
        new() { Name = "segment", Sources = ["segment"], Transform = new OneHotTransform() },
    ];

    private static readonly FeatureSetProvenance Provenance = new()
    {
        SourceBlob = "landing/test.csv",
        SourceETag = "\"etag\"",
        RawSnapshotSha256 = new string('0', 64),
    };

    private static readonly string[][] Rows =
    [
        ["c1", "2024-01-01T00:00:00Z", "9", "a", "no"],
        ["c1", "2024-02-01T00:00:00Z", "99", "b", "yes"],
        ["c2", "2024-01-15T00:00:00Z", "", "a", ""],
        ["c3", "2024-03-01T00:00:00Z", "0", "b", "no"],
    ];

    private BlobServiceClient Blobs => new(azurite.ConnectionString);

    private static async IAsyncEnumerable<CsvBatch> Batches(string[][] rows)
    {
        await Task.Yield();
        // Two batches, so rows cross batch boundaries as they do from the CSV reader.
        yield return new CsvBatch(Header, rows.Take(2).Select((r, i) => new CsvRecord(i + 1, i + 2, r)).ToArray());
        yield return new CsvBatch(Header, rows.Skip(2).Select((r, i) => new CsvRecord(i + 3, i + 4, r)).ToArray());
    }

    private static FittedFeatureSet Fit(FeatureDefinition[] definitions)
    {
        var training = new TrainingStatistics(Header, definitions, []);
        foreach (string[] row in Rows)
        {
            training.Add(row);
        }

        return FeatureEngineer.Fit(definitions, [], training, ["customer", "ts", "churned"]);
    }

    private async Task<FeatureSetCommit> BuildAndCommitAsync(string project, string[][] rows, FeatureDefinition[]? definitions = null, int rowGroupSize = 2)
    {
        var source = new FeatureSetSource("customer", GeneratedKey: false, EventTime: "ts", Target: "churned");
        StagedFeatureSet staged = await new FeatureSetBuilder(this.Blobs).BuildAsync(project, Batches(rows), Fit(definitions ?? Definitions), source, rowGroupSize);
        return await new OfflineFeatureStore(this.Blobs).CommitAsync(staged, Provenance);
    }

    private async Task<List<string>> StagingBlobsAsync()
    {
        var names = new List<string>();
        await foreach (BlobItem item in this.Blobs.GetBlobContainerClient(BlobContainers.Snapshots).GetBlobsAsync(new GetBlobsOptions { Prefix = FeatureSetBuilder.StagingPrefix }))
        {
            names.Add(item.Name);
        }

        return names;
    }

    private static async Task<List<FeatureFrame>> ToListAsync(IAsyncEnumerable<FeatureFrame> frames)
    {
        var list = new List<FeatureFrame>();
        await foreach (FeatureFrame frame in frames)
        {
            list.Add(frame);
        }

        return list;
    }

    [Fact]
    public async Task Commits_versions_once_per_content_and_reads_them_back()
    {
        const string project = "fs-versions";
        var store = new OfflineFeatureStore(this.Blobs);

        FeatureSetCommit first = await this.BuildAndCommitAsync(project, Rows);
        FeatureSetCommit again = await this.BuildAndCommitAsync(project, Rows);

        Assert.True(first.Created);
        Assert.Equal(1, first.Version.Version);
        Assert.False(again.Created);
        Assert.Equal((1, first.Version.Sha256, first.Version.CreatedAt), (again.Version.Version, again.Version.Sha256, again.Version.CreatedAt));
        Assert.Single(await store.ListAsync(project));
        Assert.Equal($"{project}/features/data/{first.Version.Sha256}.parquet", first.Version.DataBlob);
        Assert.Equal(["spend_log", "segment_a", "segment_b"], first.Version.Features);
        Assert.Equal(4, first.Version.Rows);

        string[][] changed = [.. Rows.Select(r => r.ToArray())];
        changed[3][2] = "1";
        FeatureSetCommit second = await this.BuildAndCommitAsync(project, changed);

        Assert.True(second.Created);
        Assert.Equal(2, second.Version.Version);
        Assert.NotEqual(first.Version.Sha256, second.Version.Sha256);
        Assert.Equal(2, (await store.GetAsync(project, "latest"))!.Version);
        Assert.Equal(first.Version.Sha256, (await store.GetAsync(project, "1"))!.Sha256);
        Assert.Equal(1, (await store.GetAsync(project, first.Version.Sha256[..12]))!.Version);
        Assert.Null(await store.GetAsync(project, "3"));
        Assert.Null(await store.GetAsync("fs-no-such-project", "latest"));
        Assert.Empty(await this.StagingBlobsAsync());

        List<FeatureFrame> frames = await ToListAsync(store.ReadAsync(first.Version));
        Assert.Equal([2, 2], frames.Select(f => f.Rows));
        Assert.Equal(["c1", "c1", "c2", "c3"], frames.SelectMany(f => f.Keys));
        Assert.Equal(["no", "yes", null, "no"], frames.SelectMany(f => f.Labels!));
        Assert.Equal([Math.Log(10), Math.Log(100), double.NaN, 0], frames.SelectMany(f => f.Find("spend_log")!.Values));
        Assert.Equal([1.0, 0, 1, 0], frames.SelectMany(f => f.Find("segment_a")!.Values));
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), frames[0].EventTimes![1]);
    }

    [Fact]
    public async Task The_same_bytes_under_changed_definitions_are_a_new_version()
    {
        const string project = "fs-definitions";
        FeatureDefinition[] described = [Definitions[0] with { Description = "now documented" }, Definitions[1]];

        FeatureSetCommit first = await this.BuildAndCommitAsync(project, Rows);
        FeatureSetCommit second = await this.BuildAndCommitAsync(project, Rows, described);

        Assert.Equal(first.Version.Sha256, second.Version.Sha256);
        Assert.True(second.Created);
        Assert.Equal(2, second.Version.Version);
        Assert.NotEqual(first.Version.DefinitionsSha256, second.Version.DefinitionsSha256);
    }

    [Fact]
    public async Task Point_in_time_join_never_uses_a_later_feature_row()
    {
        FeatureSetCommit commit = await this.BuildAndCommitAsync("fs-pit", Rows);
        var store = new OfflineFeatureStore(this.Blobs);
        LabelEvent[] labels =
        [
            new("c1", new DateTimeOffset(2024, 1, 20, 0, 0, 0, TimeSpan.Zero), "no"),  // only the January row is known then
            new("c1", new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), "yes"),  // the February row, exactly at its time
            new("c3", new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), "no"),   // c3's only row is later: dropped
            new("c9", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), "no"),   // unknown key: dropped
        ];

        FeatureFrame training = await store.PointInTimeAsync(commit.Version, labels);

        Assert.Equal(["c1", "c1"], training.Keys);
        Assert.Equal(["no", "yes"], training.Labels!);
        Assert.Equal([labels[0].Time, labels[1].Time], training.EventTimes!);
        Assert.Equal([Math.Log(10), Math.Log(100)], training.Find("spend_log")!.Values);
        Assert.Equal([0.0, 1], training.Find("segment_b")!.Values);
    }

    [Fact]
    public async Task Concurrent_commits_take_distinct_numbers_and_share_identical_content()
    {
        const string project = "fs-race";
        string[][][] contents = [.. Enumerable.Range(0, 4).Select(n => Rows.Select(r => r.ToArray()).ToArray())];
        for (int n = 0; n < contents.Length; n++)
        {
            contents[n][0][2] = (10 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Each distinct content twice, all at once: four versions, each committed by one of its two builds.
        FeatureSetCommit[] commits = await Task.WhenAll(contents.Concat(contents).Select(c => this.BuildAndCommitAsync(project, c)));

        IReadOnlyList<FeatureSetVersion> versions = await new OfflineFeatureStore(this.Blobs).ListAsync(project);
        Assert.Equal([1, 2, 3, 4], versions.Select(v => v.Version));
        Assert.Equal(4, versions.Select(v => v.Sha256).Distinct().Count());
        Assert.Equal(4, commits.Count(c => c.Created));
        Assert.Empty(await this.StagingBlobsAsync());
    }

    [Fact]
    public async Task A_failed_build_leaves_no_blob_behind()
    {
        string[][] bad = [.. Rows.Select(r => r.ToArray())];
        bad[2][2] = "lots";

        // "lots" is no number: its log is missing, 1 of the 3 present spends (over the guard's 20%), so the build fails
        // after the whole file was written to staging.
        MLOps.Core.DataRejectedException error = await Assert.ThrowsAsync<MLOps.Core.DataRejectedException>(() => this.BuildAndCommitAsync("fs-bad", bad, rowGroupSize: 1));

        Assert.Contains("feature 'spend_log'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'spend'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'lots'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await this.StagingBlobsAsync());
        Assert.Empty(await new OfflineFeatureStore(this.Blobs).ListAsync("fs-bad"));
    }
}
