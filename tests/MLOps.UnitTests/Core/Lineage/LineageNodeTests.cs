using MLOps.Core.FeatureStore;
using MLOps.Core.Lineage;
using MLOps.UnitTests.Core.FeatureStore;

namespace MLOps.UnitTests.Core.Lineage;

public sealed class LineageNodeTests
{
    [Fact]
    public void Well_known_nodes_pin_their_content()
    {
        Assert.Equal("LandingBlob:landing/credit/data.csv@0x8D1", LineageNode.LandingBlob("landing", "credit/data.csv", "0x8D1").ToString());
        Assert.Equal(new LineageNode("FeatureSetVersion", "credit/v3"), LineageNode.FeatureSetVersion("credit", 3));
        Assert.Throws<ArgumentException>(() => new LineageNode("a:b", "x"));
        Assert.Throws<ArgumentException>(() => new LineageNode("Kind", " "));
    }

    [Fact]
    public void A_feature_set_version_implies_blob_snapshot_and_feature_edges()
    {
        FeatureSetVersion version = Versions.Of("credit", 2) with { SourceMd5 = "md5==", ProfileBlob = "credit/profiles/raw.json" };

        IReadOnlyList<LineageEdge> edges = FeatureSetLineage.EdgesOf(version);

        Assert.Equal(
            ["LandingBlob:landing/credit/data.csv@0x1 -snapshot-of-> RawSnapshot:raw", "RawSnapshot:raw -built-from-> FeatureSetVersion:credit/v2",
             "RawSnapshot:raw -profile-of-> Profile:credit/profiles/raw.json"],
            edges.Select(e => $"{e.From} -{e.Relation}-> {e.To}"));
        Assert.Equal("md5==", edges[0].Attributes!["md5"]);
    }
}
