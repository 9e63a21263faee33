namespace MLOps.Core.Integration.Fairness;

/// <summary>
/// The confusion counts of one group at a decision threshold (a row is selected when its score is at least the
/// threshold) and the rates fairlearn's metrics are built on: selection rate (share selected), true-positive rate
/// (share of actual positives selected) and false-positive rate (share of actual negatives selected). A rate with
/// no rows to divide by is null, not 0: fairlearn warns and returns 0 there, which would read as a real rate.
/// </summary>
public sealed record GroupRates(string Group, int Rows, int Selected, int Positives, int TruePositives, int FalsePositives)
{
    public int Negatives => this.Rows - this.Positives;

    public double? SelectionRate => this.Rows > 0 ? this.Selected / (double)this.Rows : null;

    public double? ActualRate => this.Rows > 0 ? this.Positives / (double)this.Rows : null;

    public double? TruePositiveRate => this.Positives > 0 ? this.TruePositives / (double)this.Positives : null;

    public double? FalsePositiveRate => this.Negatives > 0 ? this.FalsePositives / (double)this.Negatives : null;

    /// <summary>Counts one group's rows (label, score) at the threshold.</summary>
    public static GroupRates Of(string group, IEnumerable<(bool Label, double Score)> rows, double threshold)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int count = 0, selected = 0, positives = 0, truePositives = 0, falsePositives = 0;
        foreach ((bool label, double score) in rows)
        {
            bool chosen = score >= threshold;
            count++;
            selected += chosen ? 1 : 0;
            positives += label ? 1 : 0;
            truePositives += label && chosen ? 1 : 0;
            falsePositives += !label && chosen ? 1 : 0;
        }

        return new GroupRates(group, count, selected, positives, truePositives, falsePositives);
    }

    /// <summary>Every group's counts, groups in ordinal order.</summary>
    public static IReadOnlyList<GroupRates> Compute(IReadOnlyList<string> groups, IReadOnlyList<bool> labels, IReadOnlyList<double> scores, double threshold)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (groups.Count != labels.Count || labels.Count != scores.Count)
        {
            throw new ArgumentException($"{groups.Count} groups, {labels.Count} labels and {scores.Count} scores: one of each per row.");
        }

        return [.. Enumerable.Range(0, groups.Count)
            .GroupBy(r => groups[r], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Of(g.Key, g.Select(r => (labels[r], scores[r])), threshold))];
    }
}
