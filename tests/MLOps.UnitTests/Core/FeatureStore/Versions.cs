using MLOps.Core.FeatureStore;

namespace MLOps.UnitTests.Core.FeatureStore;

internal static class Versions
{
    public static FeatureSetVersion Of(string project, int version, params string[] features) => new()
    {
        Project = project,
        Version = version,
        Sha256 = $"sha-{version}",
        DataBlob = $"{project}/features/v{version}.parquet",
        Rows = 0,
        EntityKey = "id",
        Label = "label",
        Features = features,
        DefinitionsSha256 = "defs",
        SourceBlob = $"{project}/data.csv",
        SourceETag = "0x1",
        RawSnapshotSha256 = "raw",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
