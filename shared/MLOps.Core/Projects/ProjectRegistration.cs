using MLOps.Core.Requirements;

namespace MLOps.Core.Projects;

/// <summary>
/// A registered version of a project: the gates every later pipeline enforces and the documents they came
/// from. Versions count from 1; re-registering the same spec returns the existing version.
/// </summary>
public sealed record ProjectRegistration
{
    public required string Project { get; init; }

    public required int Version { get; init; }

    public required string SpecSha256 { get; init; }

    public required string SpecBlob { get; init; }

    public required string DesignDocumentBlob { get; init; }

    public required string FeasibilityReportBlob { get; init; }

    public required ProjectGates Gates { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public string? RegisteredBy { get; init; }
}
