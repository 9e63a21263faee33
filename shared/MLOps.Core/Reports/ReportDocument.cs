namespace MLOps.Core.Reports;

/// <summary>
/// A report as stored: its title, native format and text, an HTML rendering when one was stored beside it (the
/// quality report), and the JSON of its record when the native text is not JSON (a model card's version record).
/// </summary>
public sealed record ReportDocument(string Title, ReportFormat Native, string Content, string? StoredHtml = null, string? RecordJson = null);
