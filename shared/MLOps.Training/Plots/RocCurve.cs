namespace MLOps.Training.Plots;

/// <summary>
/// The receiver operating characteristic of binary scores: one point per distinct threshold, from (0, 0) to
/// (1, 1), ties taken together so the curve's area equals the Mann-Whitney AUC.
/// </summary>
public static class RocCurve
{
    public static IReadOnlyList<(double FalsePositiveRate, double TruePositiveRate)> Points(IReadOnlyList<bool> actual, IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(scores);
        int positives = actual.Count(a => a), negatives = actual.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException("A ROC curve needs both classes.", nameof(actual));
        }

        var points = new List<(double, double)> { (0, 0) };
        int tp = 0, fp = 0;
        foreach (IGrouping<float, int> tie in Enumerable.Range(0, scores.Count).GroupBy(i => scores[i]).OrderByDescending(g => g.Key))
        {
            foreach (int i in tie)
            {
                if (actual[i])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }

            points.Add(((double)fp / negatives, (double)tp / positives));
        }

        return points;
    }

    /// <summary>The trapezoidal area under the points.</summary>
    public static double Area(IReadOnlyList<(double FalsePositiveRate, double TruePositiveRate)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        double area = 0;
        for (int i = 1; i < points.Count; i++)
        {
            area += (points[i].FalsePositiveRate - points[i - 1].FalsePositiveRate) * (points[i].TruePositiveRate + points[i - 1].TruePositiveRate) / 2;
        }

        return area;
    }
}
