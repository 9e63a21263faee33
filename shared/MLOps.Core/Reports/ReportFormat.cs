namespace MLOps.Core.Reports;

/// <summary>The formats a report is served in; each report has a native one and may be rendered as HTML.</summary>
public enum ReportFormat
{
    Json,
    Html,
    Markdown,
    Svg,
}
