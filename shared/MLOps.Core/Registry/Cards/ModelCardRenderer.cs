using System.Globalization;
using System.Text;

namespace MLOps.Core.Registry.Cards;

/// <summary>Renders a <see cref="ModelCard"/> as Markdown, with the limitations the card's own facts imply added to the given ones.</summary>
public static class ModelCardRenderer
{
    public static string ToMarkdown(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var md = new StringBuilder();
        md.AppendLine(Inv($"# Model card: {card.Name} v{card.Version}")).AppendLine();
        md.AppendLine(Inv($"Project `{card.Project}` · created {card.CreatedAt:yyyy-MM-dd} by {card.CreatedBy} · approval: {card.Approval}{(card.ApprovedBy is null ? string.Empty : " by " + card.ApprovedBy)}")).AppendLine();

        if (card.Warnings.Count > 0)
        {
            md.AppendLine("## Warnings").AppendLine();
            foreach (string warning in card.Warnings)
            {
                md.AppendLine("- **Warning:** " + warning);
            }

            md.AppendLine();
        }

        md.AppendLine("## Intended use").AppendLine();
        md.AppendLine(card.BusinessGoal).AppendLine();
        md.AppendLine(Inv($"- Task: {card.Task}")).AppendLine(Inv($"- Target: `{card.Target}`"));
        if (card.Algorithm is not null)
        {
            md.AppendLine(Inv($"- Algorithm: {card.Algorithm}"));
        }

        md.AppendLine().AppendLine("## Data").AppendLine();
        md.AppendLine(Inv($"- Feature set: v{card.FeatureSetVersion} (`{card.FeatureSetSha256}`)"));
        md.AppendLine(Inv($"- Raw snapshot: `{card.DataSha256}`"));
        if (card.Rows is { } rows)
        {
            md.AppendLine(Inv($"- Rows: {rows:N0}"));
        }

        if (card.DataThrough is { } through)
        {
            md.AppendLine(Inv($"- Data through: {through:yyyy-MM-dd}"));
        }

        if (card.RunId is not null)
        {
            md.AppendLine(Inv($"- Training run: `{card.RunId}`"));
        }

        md.AppendLine().AppendLine("## Metrics").AppendLine().AppendLine("| Metric | Value |").AppendLine("|---|---|");
        foreach ((string metric, double value) in card.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            md.AppendLine(Inv($"| {Cell(metric)} | {Number(value)} |"));
        }

        if (card.DecisionThreshold is { } threshold)
        {
            md.AppendLine().AppendLine(Inv($"### Decision threshold {threshold.Threshold:0.####}")).AppendLine();
            md.AppendLine(Inv($"A row is labelled positive when its probability is at least {threshold.Threshold:0.####} ({threshold.ChosenBy})."))
                .AppendLine().AppendLine(Inv($"| Holdout metric | at 0.5 | at {threshold.Threshold:0.####} |")).AppendLine("|---|---|---|");
            foreach ((string metric, double value) in threshold.HoldoutMetrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                md.AppendLine(Inv($"| {Cell(metric)} | {(card.Metrics.TryGetValue(metric, out double atHalf) ? Number(atHalf) : "–")} | {Number(value)} |"));
            }
        }

        if (card.FeatureImportance.Count > 0)
        {
            md.AppendLine().AppendLine("## Feature importance").AppendLine().AppendLine("| Feature | Importance |").AppendLine("|---|---|");
            foreach (FeatureImportance f in card.FeatureImportance.OrderByDescending(f => Math.Abs(f.Importance)))
            {
                md.AppendLine(Inv($"| {Cell(f.Feature)} | {Number(f.Importance)} |"));
            }
        }

        md.AppendLine().AppendLine("## Limitations").AppendLine();
        foreach (string limitation in Limitations(card))
        {
            md.AppendLine("- " + limitation);
        }

        md.AppendLine().AppendLine("## Fairness").AppendLine();
        if (card.SensitiveAttributes.Count == 0)
        {
            md.AppendLine("No sensitive attributes are declared for this project.");
        }
        else if (card.Fairness.Count == 0)
        {
            md.AppendLine(Inv($"Sensitive attributes {string.Join(", ", card.SensitiveAttributes.Select(a => $"`{a}`"))} are declared, but no per-group results were supplied."));
        }
        else
        {
            md.AppendLine("| Attribute | Group | Metric | Value | Rows |").AppendLine("|---|---|---|---|---|");
            foreach (FairnessResult r in card.Fairness.OrderBy(r => r.Attribute, StringComparer.Ordinal).ThenBy(r => r.Metric, StringComparer.Ordinal).ThenBy(r => r.Group, StringComparer.Ordinal))
            {
                md.AppendLine(Inv($"| {Cell(r.Attribute)} | {Cell(r.Group)} | {Cell(r.Metric)} | {Number(r.Value)} | {(r.Rows is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "–")} |"));
            }
        }

        return md.ToString();
    }

    /// <summary>The given limitations plus those the card's facts imply.</summary>
    public static IReadOnlyList<string> Limitations(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var all = new List<string>(card.Limitations);
        if (card.DataThrough is { } through)
        {
            all.Add(Inv($"Trained on data up to {through:yyyy-MM-dd}; behaviour after that date is unvalidated."));
        }

        if (card.Rows is { } rows && rows < 1000)
        {
            all.Add(Inv($"Trained on only {rows:N0} rows; estimates carry wide uncertainty."));
        }

        if (card.SensitiveAttributes.Count > 0 && card.Fairness.Count == 0)
        {
            all.Add("Fairness across the declared sensitive attributes was not evaluated.");
        }

        if (card.Approval != ApprovalStatus.Approved)
        {
            all.Add(Inv($"Not approved for production (status {card.Approval})."));
        }

        return all.Count > 0 ? all : ["None recorded."];
    }

    /// <summary>An undefined metric (NaN: e.g. AUC of a one-class holdout) reads as such, never as a number.</summary>
    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.####", CultureInfo.InvariantCulture) : "undefined";

    // Pipes would split a table cell.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
