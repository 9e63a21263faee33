namespace MLOps.Core.Lineage;

/// <summary>Usual relations; an edge From → To reads "To {relation} From" (the snapshot is a snapshot-of the blob).</summary>
public static class LineageRelations
{
    public const string SnapshotOf = "snapshot-of";

    public const string ProfileOf = "profile-of";

    public const string ReportOf = "report-of";

    public const string BuiltFrom = "built-from";

    public const string DerivedFrom = "derived-from";

    /// <summary>Feature set → model version: the version was trained on the feature set.</summary>
    public const string TrainedOn = "trained-on";

    /// <summary>Run → model version: the version is the run's output.</summary>
    public const string ProducedBy = "produced-by";

    /// <summary>Model version → package: the package holds the version.</summary>
    public const string PackageOf = "package-of";

    /// <summary>Package → build: the build checked the package (its verdict in the edge's attributes).</summary>
    public const string CheckOf = "check-of";
}
