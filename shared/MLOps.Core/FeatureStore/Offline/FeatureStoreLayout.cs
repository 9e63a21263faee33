using System.Globalization;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// Blob names in the snapshots container: Parquet files by content hash under
/// <c>{project}/features/data/{sha256}.parquet</c>, versions as <c>{project}/features/versions/{n:D6}.json</c>.
/// </summary>
public static class FeatureStoreLayout
{
    public static string Data(string project, string sha256) => $"{project}/features/data/{sha256}.parquet";

    public static string VersionsPrefix(string project) => $"{project}/features/versions/";

    public static string Version(string project, int version) =>
        VersionsPrefix(project) + version.ToString("D6", CultureInfo.InvariantCulture) + ".json";
}
