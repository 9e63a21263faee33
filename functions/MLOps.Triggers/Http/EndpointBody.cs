using MLOps.Core.Naming;
using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>PUT …/endpoints/{endpoint}</c>: the package to deploy (its digest, 64 lower-case hex digits);
/// <see cref="ExpectedRevision"/> (0 for "does not exist yet") makes the change conditional on what the caller read.
/// </summary>
public sealed record EndpointBody : IValidatable
{
    public required string Package { get; init; }

    public int? ExpectedRevision { get; init; }

    public IReadOnlyList<string> Validate() =>
    [
        .. NameRules.PackageDigest.Problem("package", this.Package) is { } package ? [package] : Array.Empty<string>(),
        .. this.ExpectedRevision < 0 ? ["expectedRevision: must be 0 (the endpoint does not exist yet) or a revision number"] : Array.Empty<string>(),
    ];
}
