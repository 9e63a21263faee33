using System.Globalization;
using MLOps.Core.Experiments;

namespace MLOps.Training.Experiments;

/// <summary>
/// What a model card and the experiment's output must say out loud about a candidate. A gate on a ranking metric
/// (AUC) can be met by a model whose labels are useless: with rare positives it may flag no true positive at all,
/// at 0.5 or at its own threshold. Undefined metrics (a one-class holdout) are named too, never shown as numbers.
/// </summary>
public static class CandidateWarnings
{
    public static IReadOnlyList<string> For(
        IReadOnlyDictionary<string, double> holdout, DecisionThreshold? threshold, bool meetsAcceptance, string gate)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        var warnings = new List<string>();
        string met = meetsAcceptance ? $" although it meets the acceptance gate {gate}" : string.Empty;
        if (threshold is not null && NoTruePositive(threshold.Holdout))
        {
            warnings.Add(Inv($"At its decision threshold {threshold.Threshold:0.####} the model finds no true positive on the holdout (precision {Text(threshold.Holdout, "Precision")}, recall {Text(threshold.Holdout, "Recall")}, F1 {Text(threshold.Holdout, "F1")}){met}: its labels are useless; do not serve them."));
        }

        if (threshold is not null && NoTruePositive(holdout))
        {
            warnings.Add(Inv($"At the default threshold 0.5 the model finds no true positive on the holdout (precision {Text(holdout, "Precision")}, recall {Text(holdout, "Recall")}, F1 {Text(holdout, "F1")}){met}; label with the stored decision threshold {threshold.Threshold:0.####}, not 0.5."));
        }

        if (threshold?.FallbackReason is { } reason)
        {
            warnings.Add($"No decision threshold could be chosen ({reason}); 0.5 is kept.");
        }

        foreach ((string metric, double value) in holdout.Where(m => !double.IsFinite(m.Value)).OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            warnings.Add($"Holdout {metric} is undefined ({value}); the holdout may hold a single class.");
        }

        return warnings;
    }

    private static bool NoTruePositive(IReadOnlyDictionary<string, double> metrics) =>
        metrics.TryGetValue("Recall", out double recall) && recall == 0;

    private static string Text(IReadOnlyDictionary<string, double> metrics, string name) =>
        metrics.TryGetValue(name, out double v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
