using MLOps.Core.Integration.Fairness;
using MLOps.Core.Registry.Cards;
using MLOps.Core.Requirements;
using MLOps.Training.Data;
using MLOps.Training.Metrics;

namespace MLOps.Training.Experiments;

/// <summary>
/// Per-group holdout metrics of a model for each sensitive attribute: for classification the selection rate
/// (share predicted positive at 0.5), the true and false positive rates (counted by <see cref="GroupRates"/>, as the
/// integration pipeline's fairness check counts them) and the AUC where a group has both classes; for regression RMSE and the mean prediction. Differences between groups are what a reviewer reads.
/// </summary>
public static class FairnessEvaluator
{
    public const double DecisionThreshold = 0.5;

    public static IReadOnlyList<FairnessResult> Evaluate(
        TrainingTable holdout, float[][] predictions, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> groups)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(groups);
        var results = new List<FairnessResult>();
        foreach ((string attribute, IReadOnlyDictionary<string, string> byKey) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            IEnumerable<IGrouping<string, int>> members = Enumerable.Range(0, holdout.Rows)
                .GroupBy(r => byKey.TryGetValue(holdout.Keys[r], out string? group) ? group : FairnessCheck.UnknownGroup, StringComparer.Ordinal);
            foreach (IGrouping<string, int> group in members.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                int[] rows = [.. group];
                foreach ((string metric, double value) in Metrics(holdout, predictions, rows))
                {
                    results.Add(new FairnessResult(attribute, group.Key, metric, value, rows.Length));
                }
            }
        }

        return results;
    }

    private static IEnumerable<(string Metric, double Value)> Metrics(TrainingTable holdout, float[][] predictions, int[] rows)
    {
        if (holdout.Task == ModelTask.Regression)
        {
            double[] errors = rows.Select(r => (double)predictions[r][0] - holdout.RegressionLabels![r]).ToArray();
            yield return ("rmse", Math.Sqrt(errors.Average(e => e * e)));
            yield return ("mean_prediction", rows.Average(r => (double)predictions[r][0]));
            yield break;
        }

        if (holdout.Task != ModelTask.BinaryClassification)
        {
            yield break;
        }

        bool[] actual = rows.Select(r => holdout.BinaryLabels![r]).ToArray();
        GroupRates rates = GroupRates.Of(string.Empty, rows.Select(r => (holdout.BinaryLabels![r], (double)predictions[r][0])), DecisionThreshold);
        yield return ("selection_rate", rates.SelectionRate!.Value);
        yield return ("actual_rate", rates.ActualRate!.Value);
        if (rates.TruePositiveRate is { } truePositiveRate)
        {
            yield return ("true_positive_rate", truePositiveRate);
        }

        if (rates.FalsePositiveRate is { } falsePositiveRate)
        {
            yield return ("false_positive_rate", falsePositiveRate);
        }

        if (rates.Positives > 0 && rates.Negatives > 0)
        {
            yield return ("auc", MetricsCalculator.Auc(actual, rows.Select(r => predictions[r][0]).ToArray()));
        }
    }
}
