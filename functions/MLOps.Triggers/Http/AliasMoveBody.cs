using MLOps.Core.Naming;
using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Http;

/// <summary>
/// <c>PUT …/aliases/{alias}</c>: the version to point at; <see cref="ExpectedCurrent"/> (0 for "not set") makes
/// the move conditional on where the caller last saw the alias.
/// </summary>
public sealed record AliasMoveBody : IValidatable
{
    public required int Version { get; init; }

    public int? ExpectedCurrent { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyList<string> Validate() =>
    [
        .. this.Version < 1 ? ["version: must be a version number from 1"] : Array.Empty<string>(),
        .. this.ExpectedCurrent < 0 ? ["expectedCurrent: must be 0 (not set) or a version number"] : Array.Empty<string>(),
        .. this.Reason is not null && NameRules.Reason.Problem("reason", this.Reason) is { } reason ? [reason] : Array.Empty<string>(),
    ];
}
