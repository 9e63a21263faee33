namespace MLOps.Core.Statistics;

/// <summary>
/// The area under the ROC curve of a single score, computed exactly as the Mann-Whitney U statistic with
/// average ranks for ties: AUC = (R₊ − n₊(n₊+1)/2) / (n₊·n₋), i.e. P(score₊ &gt; score₋) + ½·P(tie).
/// </summary>
public static class UnivariateAuc
{
    public static double Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        SampleGuard.Paired(scores, positive, nameof(scores), nameof(positive));
        SampleGuard.NoNaN(scores, nameof(scores));
        double[] ranks = Ranks.Average(scores);
        double positives = 0;
        double rankSum = 0;
        for (int i = 0; i < ranks.Length; i++)
        {
            if (positive[i])
            {
                positives++;
                rankSum += ranks[i];
            }
        }

        double negatives = ranks.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("AUC needs at least one positive and one negative label.", nameof(positive));
        }

        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    /// <summary>max(AUC, 1 − AUC): how well the score separates the classes whichever way it points.</summary>
    public static double Separation(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        double auc = Compute(scores, positive);
        return Math.Max(auc, 1 - auc);
    }
}
