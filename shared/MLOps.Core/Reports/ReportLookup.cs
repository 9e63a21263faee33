namespace MLOps.Core.Reports;

/// <summary>A report found, or a sentence naming what is missing (the project, the version, the run, the report).</summary>
public sealed record ReportLookup(ReportDocument? Document, string? Missing)
{
    public static ReportLookup Found(ReportDocument document) => new(document, null);

    public static ReportLookup NotFound(string missing) => new(null, missing);
}
