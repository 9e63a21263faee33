using System.Text;

namespace MLOps.Core.DataEngineering.Validation;

/// <summary>
/// Renders a quality report as one self-contained HTML page (inline CSS, no scripts or external links) so it
/// can be stored beside the data and opened anywhere. Every value from the data or the rules is HTML-encoded:
/// field values are untrusted input.
/// </summary>
public static class QualityReportHtml
{
    public static string Render(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        StringBuilder html = ReportHtml.Begin($"Data quality: {report.Dataset}")
            .Append("<p>Status: <strong class=\"").Append(report.Status).Append("\">").Append(report.Status).Append("</strong>; ")
            .Append(report.Rows).Append(" rows; ").Append(report.Results.Count(r => !r.Passed)).Append(" of ")
            .Append(report.Results.Count).Append(" rules failed.</p>\n")
            .Append("<table>\n<thead><tr><th>Result</th><th>Rule</th><th>Kind</th><th>Severity</th><th>Column</th>")
            .Append("<th>Expected</th><th>Observed</th><th>Offending rows</th></tr></thead>\n<tbody>\n");
        foreach (RuleResult result in report.Results)
        {
            string verdict = result.Passed ? "pass" : result.Severity == RuleSeverity.Hard ? "fail" : "warn";
            html.Append("<tr><td class=\"").Append(verdict).Append("\">").Append(verdict).Append("</td><td>")
                .Append(E(result.Name)).Append(" <code>").Append(E(result.RuleId)).Append("</code></td><td>")
                .Append(E(result.Kind)).Append("</td><td>").Append(result.Severity).Append("</td><td>")
                .Append(E(result.Column ?? string.Empty)).Append("</td><td>").Append(E(result.Expected)).Append("</td><td>")
                .Append(E(result.Observed)).Append("</td><td>").Append(result.OffendingRows).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        foreach (RuleResult result in report.Results.Where(r => r.Sample.Count > 0))
        {
            html.Append("<h2>Sample of rows offending ").Append(E(result.Name)).Append("</h2>\n<table>\n")
                .Append("<thead><tr><th>Record</th><th>Line</th><th>Value</th><th>Row</th></tr></thead>\n<tbody>\n");
            foreach (OffendingRow row in result.Sample)
            {
                html.Append("<tr><td>").Append(row.RecordNumber).Append("</td><td>").Append(row.Line).Append("</td><td>")
                    .Append(E(row.Value)).Append("</td><td><code>").Append(E(string.Join(", ", row.Fields))).Append("</code></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        return ReportHtml.End(html);
    }

    private static string E(string value) => ReportHtml.E(value);
}
