using Azure.Data.Tables;
using MLOps.Core.FeatureStore;
using MLOps.Core.Lineage;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.FeatureStore;

[Collection(StorageCollection.Name)]
public sealed class LineageStoreTests(AzuriteFixture storage)
{
    private static readonly DateTimeOffset At = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly TableServiceClient tables = new(storage.ConnectionString);

    [Fact]
    public async Task Upstream_and_downstream_follow_a_four_hop_chain()
    {
        string project = "lin" + Guid.NewGuid().ToString("N")[..8];
        FeatureSetVersion version = Version(project);
        LineageNode features = LineageNode.FeatureSetVersion(project, 1);
        LineageNode model = new(LineageKinds.ModelVersion, $"{project}/m1");
        LineageNode prediction = new(LineageKinds.Prediction, $"{project}/batch-1");
        var store = new LineageStore(this.tables);
        await store.RecordAsync(FeatureSetLineage.EdgesOf(version));
        await store.RecordAsync([new(features, model, "trained-on", At), new(model, prediction, "scored-by", At)]);

        IReadOnlyList<LineageEdge> upstream = await store.UpstreamAsync(prediction);
        IReadOnlyList<LineageEdge> twoHops = await store.UpstreamAsync(prediction, maxDepth: 2);
        IReadOnlyList<LineageEdge> downstream = await store.DownstreamAsync(LineageNode.LandingBlob("landing", $"{project}/data.csv", "0xETAG"));

        Assert.Equal(
            [$"ModelVersion:{project}/m1", $"FeatureSetVersion:{project}/v1", "RawSnapshot:" + version.RawSnapshotSha256, $"LandingBlob:landing/{project}/data.csv@0xETAG"],
            upstream.Select(e => e.From.ToString()));
        LineageEdge landed = upstream[^1];
        Assert.Equal(("snapshot-of", "md5==", At), (landed.Relation, landed.Attributes!["md5"], landed.RecordedAt));
        Assert.Equal(2, twoHops.Count);
        Assert.Equal(5, downstream.Count);
        Assert.Contains(downstream, e => e.To.Kind == LineageKinds.Profile);
        Assert.Equal(prediction, downstream[^1].To);
    }

    [Fact]
    public async Task Recording_an_edge_again_adds_no_rows()
    {
        string project = "lin" + Guid.NewGuid().ToString("N")[..8];
        var store = new LineageStore(this.tables);
        IReadOnlyList<LineageEdge> edges = FeatureSetLineage.EdgesOf(Version(project));

        await store.RecordAsync(edges);
        int rows = await this.RowsMentioningAsync(project);
        await store.RecordAsync(edges);

        Assert.Equal(2 * edges.Count, rows);
        Assert.Equal(rows, await this.RowsMentioningAsync(project));
        Assert.Equal(2, (await store.UpstreamAsync(LineageNode.FeatureSetVersion(project, 1))).Count);
    }

    [Fact]
    public async Task Cycles_end_the_walk()
    {
        string id = Guid.NewGuid().ToString("N")[..8];
        LineageNode a = new("Test", id + "/a"), b = new("Test", id + "/b"), c = new("Test", id + "/c");
        var store = new LineageStore(this.tables);
        await store.RecordAsync([new(a, b, LineageRelations.DerivedFrom, At), new(b, c, LineageRelations.DerivedFrom, At), new(c, a, LineageRelations.DerivedFrom, At)]);

        IReadOnlyList<LineageEdge> upstream = await store.UpstreamAsync(a, maxDepth: 100);
        IReadOnlyList<LineageEdge> downstream = await store.DownstreamAsync(a, maxDepth: 100);

        Assert.Equal([(c, a), (b, c), (a, b)], upstream.Select(e => (e.From, e.To)));
        Assert.Equal([(a, b), (b, c), (c, a)], downstream.Select(e => (e.From, e.To)));
    }

    private static FeatureSetVersion Version(string project) => new()
    {
        Project = project,
        Version = 1,
        Sha256 = "f00d",
        DataBlob = $"{project}/features/v1.parquet",
        Rows = 10,
        EntityKey = "id",
        Features = ["x"],
        DefinitionsSha256 = "defs",
        SourceBlob = $"{project}/data.csv",
        SourceETag = "0xETAG",
        SourceMd5 = "md5==",
        RawSnapshotSha256 = "raw" + project,
        ProfileBlob = $"{project}/profiles/raw.json",
        CreatedAt = At,
    };

    private async Task<int> RowsMentioningAsync(string project)
    {
        int count = 0;
        await foreach (TableEntity row in this.tables.GetTableClient(LineageStore.TableName).QueryAsync<TableEntity>())
        {
            count += row.PartitionKey.Contains(project, StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }
}
