using MLOps.Core.Requirements;

namespace MLOps.Training.Metrics;

/// <summary>
/// Metrics computed from scores rather than ML.NET's evaluators, so the ONNX scores, the permutation importance and the
/// trainer's own predictions are all judged by one implementation whose definitions match scikit-learn's.
/// </summary>
public static class MetricsCalculator
{
    /// <summary>Probabilities are clipped to [ε, 1 − ε] for log-loss so one confident mistake cannot make it infinite.</summary>
    public const double LogLossEpsilon = 1e-15;

    /// <summary>The threshold of the label metrics unless a decision threshold is given.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>
    /// Binary metrics; a row is predicted positive when its probability is at least <paramref name="threshold"/>.
    /// AUC and PR-AUC rank the scores and do not depend on the threshold.
    /// </summary>
    public static ModelMetrics Binary(IReadOnlyList<bool> actual, IReadOnlyList<float> probability, double threshold = DefaultThreshold)
    {
        Check(actual.Count, probability.Count);
        long tp = 0, fp = 0, tn = 0, fn = 0;
        double logLoss = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            bool predicted = probability[i] >= threshold;
            (tp, fp, tn, fn) = (actual[i], predicted) switch
            {
                (true, true) => (tp + 1, fp, tn, fn),
                (false, true) => (tp, fp + 1, tn, fn),
                (false, false) => (tp, fp, tn + 1, fn),
                _ => (tp, fp, tn, fn + 1),
            };
            double p = Math.Clamp(probability[i], LogLossEpsilon, 1 - LogLossEpsilon);
            logLoss -= actual[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        double precision = Ratio(tp, tp + fp);
        double recall = Ratio(tp, tp + fn);
        return new ModelMetrics
        {
            Task = ModelTask.BinaryClassification,
            Rows = actual.Count,
            Auc = Auc(actual, probability),
            PrAuc = AveragePrecision(actual, probability),
            Accuracy = Ratio(tp + tn, actual.Count),
            Precision = precision,
            Recall = recall,
            F1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
            LogLoss = logLoss / actual.Count,
            ConfusionMatrix = [[tn, fp], [fn, tp]],
        };
    }

    /// <summary>Multiclass metrics from per-class probabilities; the prediction is the most probable class (first on ties).</summary>
    public static ModelMetrics Multiclass(IReadOnlyList<uint> actual, IReadOnlyList<float[]> probabilities, int classes)
    {
        Check(actual.Count, probabilities.Count);
        var matrix = new long[classes][];
        for (int c = 0; c < classes; c++)
        {
            matrix[c] = new long[classes];
        }

        double logLoss = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            float[] p = probabilities[i];
            int predicted = Array.IndexOf(p, p.Max());
            matrix[actual[i]][predicted]++;
            logLoss -= Math.Log(Math.Clamp(p[actual[i]], LogLossEpsilon, 1 - LogLossEpsilon));
        }

        double[] precision = Enumerable.Range(0, classes).Select(c => Ratio(matrix[c][c], matrix.Sum(row => row[c]))).ToArray();
        double[] recall = Enumerable.Range(0, classes).Select(c => Ratio(matrix[c][c], matrix[c].Sum())).ToArray();
        double[] f1 = precision.Zip(recall, (p, r) => p + r == 0 ? 0 : 2 * p * r / (p + r)).ToArray();
        return new ModelMetrics
        {
            Task = ModelTask.MulticlassClassification,
            Rows = actual.Count,
            Accuracy = Ratio(Enumerable.Range(0, classes).Sum(c => matrix[c][c]), actual.Count),
            Precision = precision.Average(),
            Recall = recall.Average(),
            F1 = f1.Average(),
            LogLoss = logLoss / actual.Count,
            ConfusionMatrix = matrix,
        };
    }

    public static ModelMetrics Regression(IReadOnlyList<float> actual, IReadOnlyList<float> predicted)
    {
        Check(actual.Count, predicted.Count);
        double mean = actual.Average(v => (double)v);
        double squared = 0, absolute = 0, total = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            double error = (double)actual[i] - predicted[i];
            squared += error * error;
            absolute += Math.Abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }

        return new ModelMetrics
        {
            Task = ModelTask.Regression,
            Rows = actual.Count,
            Rmse = Math.Sqrt(squared / actual.Count),
            Mae = absolute / actual.Count,

            // scikit-learn's convention for a constant target: 1 when predictions are perfect, 0 otherwise.
            RSquared = total == 0 ? (squared == 0 ? 1 : 0) : 1 - (squared / total),
        };
    }

    /// <summary>ROC AUC as the Mann–Whitney statistic with tied scores given their average rank (scikit-learn's result).</summary>
    public static double Auc(IReadOnlyList<bool> actual, IReadOnlyList<float> score)
    {
        Check(actual.Count, score.Count);
        int[] order = Enumerable.Range(0, score.Count).OrderBy(i => score[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && score[order[end + 1]] == score[order[start]])
            {
                end++;
            }

            double rank = ((start + end) / 2.0) + 1;
            for (int k = start; k <= end; k++)
            {
                if (actual[order[k]])
                {
                    positiveRankSum += rank;
                    positives++;
                }
            }

            start = end + 1;
        }

        long negatives = actual.Count - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>
    /// PR-AUC as scikit-learn's <c>average_precision_score</c>: Σ (Rₙ − Rₙ₋₁) Pₙ over the distinct scores taken as
    /// thresholds from the highest down (tied scores enter together). NaN without a positive row, where recall is undefined.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<bool> actual, IReadOnlyList<float> score)
    {
        Check(actual.Count, score.Count);
        long positives = actual.LongCount(a => a);
        if (positives == 0)
        {
            return double.NaN;
        }

        double sum = 0, previousRecall = 0;
        long tp = 0, predicted = 0;
        foreach (int[] tied in DescendingTies(score))
        {
            tp += tied.LongCount(i => actual[i]);
            predicted += tied.Length;
            double recall = (double)tp / positives;
            sum += (recall - previousRecall) * ((double)tp / predicted);
            previousRecall = recall;
        }

        return sum;
    }

    /// <summary>Row indices grouped by equal score, highest score first: the thresholds a ranking metric sweeps.</summary>
    internal static IEnumerable<int[]> DescendingTies(IReadOnlyList<float> score)
    {
        int[] order = Enumerable.Range(0, score.Count).OrderByDescending(i => score[i]).ToArray();
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && score[order[end + 1]] == score[order[start]])
            {
                end++;
            }

            yield return order[start..(end + 1)];
            start = end + 1;
        }
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static void Check(int actual, int predicted)
    {
        if (actual != predicted || actual == 0)
        {
            throw new ArgumentException($"Need one prediction per actual value and at least one row; got {actual} actual and {predicted} predicted.");
        }
    }
}
