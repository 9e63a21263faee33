namespace MLOps.Core.Projects;

public sealed record DesignDocumentRequest(string Project, string SpecBlob, string FeasibilityReportBlob);
