using MLOps.Core.FeatureStore;
using MLOps.Core.Storage;

namespace MLOps.Core.Lineage;

/// <summary>The edges a committed feature-set version implies: landing blob → raw snapshot → feature set (+ profile, report).</summary>
public static class FeatureSetLineage
{
    public static IReadOnlyList<LineageEdge> EdgesOf(FeatureSetVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        LineageNode blob = LineageNode.LandingBlob(BlobContainers.Landing, version.SourceBlob, version.SourceETag);
        LineageNode snapshot = LineageNode.RawSnapshot(version.RawSnapshotSha256);
        LineageNode features = LineageNode.FeatureSetVersion(version.Project, version.Version);
        var blobAttributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["etag"] = version.SourceETag };
        if (version.SourceMd5 is not null)
        {
            blobAttributes["md5"] = version.SourceMd5;
        }

        var edges = new List<LineageEdge>
        {
            new(blob, snapshot, LineageRelations.SnapshotOf, version.CreatedAt, blobAttributes),
            new(snapshot, features, LineageRelations.BuiltFrom, version.CreatedAt,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = version.Sha256, ["definitionsSha256"] = version.DefinitionsSha256 }),
        };
        if (version.ProfileBlob is not null)
        {
            edges.Add(new(snapshot, LineageNode.Profile(version.ProfileBlob), LineageRelations.ProfileOf, version.CreatedAt));
        }

        if (version.QualityReportBlob is not null)
        {
            edges.Add(new(snapshot, LineageNode.QualityReport(version.QualityReportBlob), LineageRelations.ReportOf, version.CreatedAt));
        }

        return edges;
    }
}
