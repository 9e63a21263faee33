namespace MLOps.Core.Lineage;

/// <summary>
/// Kinds of lineage nodes. Strings rather than an enum so later stages (models, predictions, …) add kinds
/// without a schema change, and stored rows stay readable.
/// </summary>
public static class LineageKinds
{
    /// <summary>Id "{container}/{name}@{etag}": the exact blob version that landed.</summary>
    public const string LandingBlob = "LandingBlob";

    /// <summary>Id: the snapshot's SHA-256.</summary>
    public const string RawSnapshot = "RawSnapshot";

    /// <summary>Id: the profile blob name.</summary>
    public const string Profile = "Profile";

    /// <summary>Id: the quality report blob name.</summary>
    public const string QualityReport = "QualityReport";

    /// <summary>Id "{project}/v{n}".</summary>
    public const string FeatureSetVersion = "FeatureSetVersion";

    /// <summary>Id "{project}/{name}/v{version}".</summary>
    public const string ModelVersion = "ModelVersion";

    /// <summary>Id "{project}/{runId}": a tracked training run.</summary>
    public const string Run = "Run";

    /// <summary>Id: the package's digest (SHA-256 of its manifest).</summary>
    public const string ModelPackage = "ModelPackage";

    /// <summary>Id "{project}/{name}/v{version}/{buildId}": one continuous-integration build of a package.</summary>
    public const string Build = "Build";

    public const string Prediction = "Prediction";
}
