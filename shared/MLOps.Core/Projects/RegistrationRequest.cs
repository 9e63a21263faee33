namespace MLOps.Core.Projects;

/// <summary>What the Requirements pipeline registers once the spec is valid and feasible.</summary>
public sealed record RegistrationRequest(
    string Project,
    string SpecBlob,
    string DesignDocumentBlob,
    string FeasibilityReportBlob,
    string? RegisteredBy);
