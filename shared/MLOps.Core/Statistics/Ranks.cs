namespace MLOps.Core.Statistics;

/// <summary>Ranks with ties sharing the average of the ranks they span (the mid-rank convention).</summary>
internal static class Ranks
{
    public static double[] Average(IReadOnlyList<double> values)
    {
        int[] order = Enumerable.Range(0, values.Count).ToArray();
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        double[] ranks = new double[values.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            // 1-based ranks start+1 .. end+1 share their mean.
            double rank = (start + end + 2) / 2.0;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
