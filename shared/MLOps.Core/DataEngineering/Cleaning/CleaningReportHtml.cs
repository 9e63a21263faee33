using System.Text;
using MLOps.Core.Requirements;

namespace MLOps.Core.DataEngineering.Cleaning;

/// <summary>
/// Renders a cleaning record as one self-contained HTML page, beside the quality report: the change guard's
/// failures and warnings first, then the row counts, what each column lost or gained, and every rule that acted
/// with its before/after samples. Every value from the data is HTML-encoded: field values are untrusted input.
/// </summary>
public static class CleaningReportHtml
{
    public static string Render(CleaningRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        CleaningReport report = record.Report;
        StringBuilder html = ReportHtml.Begin($"Cleaning: {record.Dataset}");
        string status = record.Guard.Passed ? (record.Guard.Warnings.Any() ? "warn" : "pass") : "fail";
        html.Append("<p>Change guard: <strong class=\"").Append(status).Append("\">")
            .Append(status == "fail" ? "Failed" : status == "warn" ? "Passed with warnings" : "Passed").Append("</strong>. ")
            .Append(report.RowsRead).Append(" rows read, ").Append(report.RowsWritten).Append(" written; ")
            .Append(report.DuplicateRowsFound).Append(" exact duplicates found, ").Append(report.DuplicateRowsDropped).Append(" dropped; ")
            .Append(report.InvalidRowsDropped).Append(" rows dropped by rules.</p>\n");
        if (record.Guard.Findings.Count > 0)
        {
            html.Append("<h2>Change guard</h2>\n<table>\n<thead><tr><th>Outcome</th><th>Finding</th><th>Column</th><th>Detail</th></tr></thead>\n<tbody>\n");
            foreach (CleaningFinding finding in record.Guard.Findings)
            {
                string outcome = finding.Outcome == GuardAction.Fail ? "fail" : "warn";
                html.Append("<tr><td class=\"").Append(outcome).Append("\">").Append(outcome).Append("</td><td>").Append(finding.Kind)
                    .Append("</td><td>").Append(E(finding.Column ?? string.Empty)).Append("</td><td>").Append(E(finding.Message)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>Columns</h2>\n<table>\n<thead><tr><th>Column</th><th>Present</th><th>Normalised</th><th>Nulled out</th>")
            .Append("<th>Clipped</th><th>Imputed</th><th>Fill value</th><th>Missing after</th><th>Constant after</th></tr></thead>\n<tbody>\n");
        foreach (ColumnCleaning column in report.Columns)
        {
            html.Append("<tr><td>").Append(E(column.Column)).Append("</td><td>").Append(column.Present).Append("</td><td>")
                .Append(column.Normalised).Append("</td><td>").Append(column.NulledOut).Append("</td><td>").Append(column.Clipped)
                .Append("</td><td>").Append(column.Imputed).Append("</td><td>").Append(E(column.FillValue ?? string.Empty)).Append("</td><td>")
                .Append(column.MissingAfter).Append("</td><td>").Append(column.Constant ? "yes" : string.Empty).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (report.Steps.Count > 0)
        {
            html.Append("<h2>Rules that acted</h2>\n<table>\n<thead><tr><th>Rule</th><th>Column</th><th>Action</th><th>Count</th>")
                .Append("<th>Samples (record: before → after)</th></tr></thead>\n<tbody>\n");
            foreach (CleaningStep step in report.Steps)
            {
                html.Append("<tr><td><code>").Append(E(step.Rule)).Append("</code></td><td>").Append(E(step.Column ?? string.Empty))
                    .Append("</td><td>").Append(step.Action).Append("</td><td>").Append(step.Count).Append("</td><td>");
                foreach (ValueChange change in step.Samples)
                {
                    html.Append(change.Record).Append(": <code>").Append(E(change.Before)).Append("</code> → ")
                        .Append(change.After is null ? "row dropped" : $"<code>{E(change.After)}</code>").Append("<br>");
                }

                html.Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        return ReportHtml.End(html);
    }

    private static string E(string value) => ReportHtml.E(value);
}
