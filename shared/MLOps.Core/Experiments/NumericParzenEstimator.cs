namespace MLOps.Core.Experiments;

/// <summary>
/// A mixture of Gaussians truncated to [low, high], one per observation plus a wide prior at the centre.
/// Bandwidths follow Optuna's univariate rule: each kernel is as wide as the larger gap to its sorted neighbours,
/// clipped to [(high − low) / min(100, n + 1), high − low], so sparse regions get wide kernels.
/// </summary>
internal sealed class NumericParzenEstimator
{
    private readonly double low;
    private readonly double high;
    private readonly double[] mus;
    private readonly double[] sigmas;
    private readonly double[] logWeights;

    public NumericParzenEstimator(IReadOnlyList<double> observations, double low, double high, double priorWeight)
    {
        this.low = low;
        this.high = high;
        double span = Math.Max(high - low, 1e-12);
        var points = observations.Select(o => Math.Clamp(o, low, high)).Append((low + high) / 2).ToArray();
        double[] weights = observations.Select(_ => 1.0).Append(priorWeight).ToArray();
        int prior = points.Length - 1;

        int[] order = Enumerable.Range(0, points.Length).OrderBy(i => points[i]).ToArray();
        this.mus = points;
        this.sigmas = new double[points.Length];
        double minSigma = span / Math.Min(100.0, points.Length);
        for (int k = 0; k < order.Length; k++)
        {
            double left = k > 0 ? points[order[k]] - points[order[k - 1]] : points[order[k]] - low;
            double right = k < order.Length - 1 ? points[order[k + 1]] - points[order[k]] : high - points[order[k]];
            this.sigmas[order[k]] = Math.Clamp(Math.Max(left, right), minSigma, span);
        }

        this.sigmas[prior] = span;
        double total = weights.Sum();
        this.logWeights = weights.Select(w => Math.Log(w / total)).ToArray();
    }

    public double Sample(SeededRandom random)
    {
        int component = PickComponent(this.logWeights, random);
        // Rejection keeps the draw inside the truncated kernel; the bound on tries only guards degenerate spans.
        for (int attempt = 0; attempt < 100; attempt++)
        {
            double x = this.mus[component] + (this.sigmas[component] * random.NextGaussian());
            if (x >= this.low && x <= this.high)
            {
                return x;
            }
        }

        return Math.Clamp(this.mus[component], this.low, this.high);
    }

    public double LogDensity(double x)
    {
        var terms = new double[this.mus.Length];
        for (int i = 0; i < this.mus.Length; i++)
        {
            double mass = NormalDistribution.Cdf((this.high - this.mus[i]) / this.sigmas[i])
                - NormalDistribution.Cdf((this.low - this.mus[i]) / this.sigmas[i]);
            terms[i] = this.logWeights[i] + NormalDistribution.LogPdf(x, this.mus[i], this.sigmas[i])
                - Math.Log(Math.Max(mass, 1e-300));
        }

        return NormalDistribution.LogSumExp(terms);
    }

    internal static int PickComponent(IReadOnlyList<double> logWeights, SeededRandom random)
    {
        double u = random.NextDouble();
        double cumulative = 0;
        for (int i = 0; i < logWeights.Count; i++)
        {
            cumulative += Math.Exp(logWeights[i]);
            if (u < cumulative)
            {
                return i;
            }
        }

        return logWeights.Count - 1;
    }
}
