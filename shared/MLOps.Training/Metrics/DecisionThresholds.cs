using MLOps.Core.Experiments;

namespace MLOps.Training.Metrics;

/// <summary>
/// Chooses a binary classifier's decision threshold on validation scores by the rule of <see cref="ThresholdObjective"/>:
/// every distinct score is a candidate, a row is positive when its score is at least the candidate, the candidate with
/// the best objective wins and ties go to the higher threshold. One sweep from the highest score down.
/// </summary>
public static class DecisionThresholds
{
    public static ThresholdChoice Choose(IReadOnlyList<bool> actual, IReadOnlyList<float> score, ThresholdObjective objective)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(score);
        long positives = actual.LongCount(a => a), negatives = actual.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            // Without both classes every threshold scores the same; the conventional one is no worse than any other.
            return new ThresholdChoice(MetricsCalculator.DefaultThreshold, double.NaN, objective, $"the validation rows hold only one class");
        }

        double bestThreshold = double.NaN, bestValue = double.NegativeInfinity;
        long tp = 0, fp = 0;
        foreach (int[] tied in MetricsCalculator.DescendingTies(score))
        {
            long tiedPositives = tied.LongCount(i => actual[i]);
            tp += tiedPositives;
            fp += tied.Length - tiedPositives;
            double value = objective switch
            {
                ThresholdObjective.Youden => ((double)tp / positives) - ((double)fp / negatives),
                _ => 2.0 * tp / ((2.0 * tp) + fp + (positives - tp)),
            };

            // Strictly better only: the sweep runs downwards, so an equal value keeps the higher threshold.
            if (value > bestValue)
            {
                (bestThreshold, bestValue) = (score[tied[0]], value);
            }
        }

        return new ThresholdChoice(bestThreshold, bestValue, objective, null);
    }
}
