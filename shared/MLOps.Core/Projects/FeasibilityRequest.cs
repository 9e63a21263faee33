namespace MLOps.Core.Projects;

/// <summary>Which reviewed spec to check against which data; no sample means the project's latest landed file.</summary>
public sealed record FeasibilityRequest(string Project, string SpecBlob, BlobReference? Sample);
