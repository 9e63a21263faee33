namespace MLOps.Core.Monitoring.Statistics;

/// <summary>
/// The L-infinity distance max |pᵢ − qᵢ| between aligned category shares: the largest change of any one category's
/// share, the categorical drift distance of Vertex AI Model Monitoring.
/// </summary>
public static class LInfinityDistance
{
    public static double Compute(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        CountGuard.Shares(p, q);
        double max = 0;
        for (int i = 0; i < p.Count; i++)
        {
            max = Math.Max(max, Math.Abs(p[i] - q[i]));
        }

        return max;
    }
}
