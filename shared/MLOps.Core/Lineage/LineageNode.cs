namespace MLOps.Core.Lineage;

/// <summary>An artefact in the lineage graph, identified by its kind and an id that pins its exact content.</summary>
public sealed record LineageNode
{
    public LineageNode(string kind, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (kind.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The lineage kind '{kind}' may not contain ':'.", nameof(kind));
        }

        this.Kind = kind;
        this.Id = id;
    }

    public string Kind { get; }

    public string Id { get; }

    public static LineageNode LandingBlob(string container, string name, string etag) =>
        new(LineageKinds.LandingBlob, $"{container}/{name}@{etag}");

    public static LineageNode RawSnapshot(string sha256) => new(LineageKinds.RawSnapshot, sha256);

    public static LineageNode Profile(string blob) => new(LineageKinds.Profile, blob);

    public static LineageNode QualityReport(string blob) => new(LineageKinds.QualityReport, blob);

    public static LineageNode FeatureSetVersion(string project, int version) => new(LineageKinds.FeatureSetVersion, $"{project}/v{version}");

    public static LineageNode ModelVersion(string project, string name, int version) => new(LineageKinds.ModelVersion, $"{project}/{name}/v{version}");

    public static LineageNode Run(string project, string runId) => new(LineageKinds.Run, $"{project}/{runId}");

    public static LineageNode ModelPackage(string digest) => new(LineageKinds.ModelPackage, digest);

    public static LineageNode Build(string project, string name, int version, string buildId) =>
        new(LineageKinds.Build, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{project}/{name}/v{version}/{buildId}"));

    public override string ToString() => $"{this.Kind}:{this.Id}";
}
