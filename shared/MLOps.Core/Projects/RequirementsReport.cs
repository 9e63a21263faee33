namespace MLOps.Core.Projects;

/// <summary>Output of the Requirements pipeline: the registered version and what the feasibility check found.</summary>
public sealed record RequirementsReport(
    string Project,
    int Version,
    string SpecSha256,
    string SpecBlob,
    string DesignDocumentBlob,
    FeasibilitySummary Feasibility);
