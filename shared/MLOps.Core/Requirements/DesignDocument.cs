using System.Globalization;
using System.Text;
using MLOps.Core.Security;

namespace MLOps.Core.Requirements;

/// <summary>Renders the project design document (Markdown) that reviewers sign off at the end of the Requirements pipeline.</summary>
public static class DesignDocument
{
    public static string Render(ProjectSpec spec, FeasibilityReport? feasibility = null)
    {
        ApprovalPolicy policy = ApprovalPolicy.For(spec.RiskTier);
        StringBuilder md = new();
        Line(md, $"# {spec.Name}: design document");
        Line(md, $"Spec SHA-256: `{ProjectSpecJson.Sha256(spec)}`");
        Line(md, "## Business goal", spec.BusinessGoal);
        Line(md, "## Task");
        Line(md, $"- Task: {spec.Task}\n- Target: `{spec.Target.Column}`{(spec.Target.PositiveClass is { } p ? $" (positive class `{p}`)" : string.Empty)}\n- Entity key: `{spec.EntityKey.Column}`{(spec.EntityKey.Generated ? " (generated at ingestion)" : string.Empty)}\n- Event time: {(spec.EventTime is { } t ? $"`{t}`" : "none (static data)")}");
        Line(md, "## Acceptance gate");
        Line(md, $"- Metric gate: **{spec.Acceptance}**\n- Latency budget: p95 ≤ {spec.Latency.P95Ms} ms");
        Line(md, "## Data rules", $"Minimum rows: {spec.DataRules.MinRows}");
        Table(md, ["Column", "Type", "Min", "Max", "Allowed values", "Max missing", "Unique", "Severity"], spec.DataRules.Columns.Select(c => new[]
        {
            c.Name, c.Type.ToString(), Num(c.Min), Num(c.Max), c.AllowedValues is { } v ? string.Join(", ", v) : string.Empty,
            c.MaxMissingShare is { } s ? FeasibilityChecker.Percent(s) : string.Empty, c.Unique ? "yes" : string.Empty, c.Severity.ToString(),
        }));
        Line(md, "## Features");
        Table(md, ["Feature", "Sources", "Transform"], spec.Features.Select(f => new[] { f.Name, string.Join(", ", f.Sources), SpecDescriptions.Describe(f.Transform) }));
        Line(md, "## Fairness");
        Line(md, spec.SensitiveAttributes.Count == 0
            ? "No sensitive attributes declared."
            : string.Join('\n', spec.SensitiveAttributes.Select(a =>
                $"- `{a.Column}`{(a.GroupBoundaries is { } b ? $" (groups split at {SpecDescriptions.Numbers(b)})" : string.Empty)}: {a.Rationale} {(a.AllowAsFeature ? "May be used as a feature." : "Must not be used as a feature.")}{(a.MaxDifference is { } d ? $" Largest demographic-parity and equal-opportunity difference: {SpecDescriptions.Number(d)}." : string.Empty)}")));
        Line(md, "## Risk and approval policy");
        Line(md, $"- Risk tier: **{spec.RiskTier}**\n- Production approvals: {(policy.RequiresHumanApproval ? string.Join(" then ", policy.ProductionApprovers) : "none (automatic promotion when the gates pass)")}\n- Separation of duties: {(policy.SeparationOfDuties ? "the risk approver must not be a model author" : "not required")}\n- Deployment preference: {(spec.Deployment.Count == 0 ? "platform default" : string.Join(", then ", spec.Deployment.Select(SpecDescriptions.Describe)))}");
        Line(md, "## Owners");
        Table(md, ["Role", "Principals"], spec.Owners.OrderBy(o => o.Key).Select(o => new[] { o.Key.ToString(), string.Join(", ", o.Value) }));
        RenderFeasibility(md, feasibility);
        return md.ToString();
    }

    private static void RenderFeasibility(StringBuilder md, FeasibilityReport? report)
    {
        Line(md, "## Feasibility");
        if (report is null)
        {
            Line(md, "Not yet checked against data.");
            return;
        }

        Line(md, $"Checked on {report.Rows} rows: **{(report.Passed ? "feasible" : "not feasible")}**.");
        if (report.Balance is { } balance)
        {
            Line(md, $"Label balance: {string.Join(", ", balance.Counts.Select(c => $"{c.Key} {c.Value}"))}; minority `{balance.MinorityClass}` {FeasibilityChecker.Percent(balance.MinorityShare)}.");
        }

        Table(md, ["Severity", "Check", "Finding"], report.Findings.Select(f => new[] { f.Severity.ToString(), f.Check.ToString(), f.Message }));
        Table(md, ["Column", "Statistic", "Value", "IV"], report.Signals.OrderByDescending(s => s.Value).Select(s => new[]
        {
            s.Column, s.Statistic, s.Value.ToString("F4", CultureInfo.InvariantCulture), s.InformationValue is { } iv ? iv.ToString("F4", CultureInfo.InvariantCulture) : string.Empty,
        }));
    }

    private static void Table(StringBuilder md, string[] header, IEnumerable<string[]> rows)
    {
        string[][] body = rows.ToArray();
        if (body.Length == 0)
        {
            return;
        }

        md.Append("| ").AppendJoin(" | ", header).Append(" |\n|").AppendJoin("|", header.Select(_ => " --- ")).Append("|\n");
        foreach (string[] row in body)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        md.Append('\n');
    }

    // A pipe or line break inside a cell would end the cell or the table.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Num(double? value) => value is { } v ? SpecDescriptions.Number(v) : string.Empty;

    private static void Line(StringBuilder md, params string[] paragraphs)
    {
        foreach (string paragraph in paragraphs)
        {
            md.Append(paragraph).Append("\n\n");
        }
    }
}
