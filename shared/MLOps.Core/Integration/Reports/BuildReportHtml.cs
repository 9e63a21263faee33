using System.Text;
using MLOps.Core.DataEngineering;
using MLOps.Core.Requirements;

namespace MLOps.Core.Integration.Reports;

/// <summary>
/// A build verdict as one self-contained HTML page in the data reports' frame: the verdict and its summary, one row
/// per check (outcome, figure, bound, unit, detail), then the per-group figures of the checks that have them. Every
/// text is HTML-encoded: check details quote column names, keys and group labels from the data, and model files.
/// </summary>
public static class BuildReportHtml
{
    public static string Render(BuildVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        StringBuilder html = ReportHtml.Begin($"Integration build: {verdict.Project} / {verdict.Package}");
        string status = verdict.Passed ? "pass" : "fail";
        html.Append("<p>Verdict: <strong class=\"").Append(status).Append("\">").Append(verdict.Passed ? "Passed" : "Failed")
            .Append("</strong>. ").Append(E(verdict.Summary)).Append("</p>\n");
        html.Append("<h2>Checks</h2>\n<table>\n<thead><tr><th>Check</th><th>Outcome</th><th>Figure</th><th>Bound</th><th>Unit</th><th>Detail</th></tr></thead>\n<tbody>\n");
        foreach (CheckResult result in verdict.Results)
        {
            (string css, string outcome) = !result.Passed ? ("fail", "failed") : result.Judged ? ("pass", "passed") : ("warn", "not judged");
            html.Append("<tr><td><code>").Append(E(result.Check)).Append("</code></td><td class=\"").Append(css).Append("\">").Append(outcome)
                .Append("</td><td>").Append(E(CheckResult.Format(result.Figure))).Append("</td><td>").Append(E(result.Comparison.Operator())).Append(' ')
                .Append(E(CheckResult.Format(result.Bound))).Append("</td><td>").Append(E(result.Unit)).Append("</td><td>").Append(E(result.Detail))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        foreach (CheckResult result in verdict.Results.Where(r => r.Groups.Count > 0))
        {
            html.Append("<h2>Groups of <code>").Append(E(result.Check)).Append("</code></h2>\n<table>\n")
                .Append("<thead><tr><th>Group</th><th>Metric</th><th>Value</th><th>Count</th><th>Judged</th></tr></thead>\n<tbody>\n");
            foreach (GroupFigure group in result.Groups)
            {
                html.Append("<tr><td>").Append(E(group.Group)).Append("</td><td>").Append(E(group.Metric)).Append("</td><td>")
                    .Append(E(CheckResult.Format(group.Value))).Append("</td><td>").Append(group.Count).Append("</td><td>")
                    .Append(group.Judged ? "yes" : E("no: " + (group.Note ?? string.Empty))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        return ReportHtml.End(html);
    }

    private static string E(string value) => ReportHtml.E(value);
}
