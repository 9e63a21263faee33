namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>A sketch's items sorted once with their weights, to answer several quantiles and a histogram.</summary>
internal sealed class SortedSample
{
    private readonly double[] values;
    private readonly long[] weights;
    private readonly bool exact;

    public SortedSample(QuantileSketch sketch)
    {
        this.exact = sketch.IsExact;
        var items = new List<(double Value, long Weight)>();
        items.AddRange(sketch.Exact.Select(v => (v, 1L)));
        for (int h = 0; h < sketch.Levels.Count; h++)
        {
            long weight = 1L << h;
            items.AddRange(sketch.Levels[h].Select(v => (v, weight)));
        }

        items.Sort((a, b) => a.Value.CompareTo(b.Value));
        this.values = items.Select(i => i.Value).ToArray();
        this.weights = items.Select(i => i.Weight).ToArray();
    }

    public bool IsEmpty => this.values.Length == 0;

    /// <summary>
    /// Exact samples use numpy's default "linear" rule (index (n - 1) * p, interpolated the way numpy's _lerp
    /// does, so results match to the last bit where possible); weighted items return the item covering that rank.
    /// </summary>
    public double Quantile(double p)
    {
        if (this.exact)
        {
            double h = (this.values.Length - 1) * p;
            int lo = (int)Math.Floor(h);
            int hi = Math.Min(lo + 1, this.values.Length - 1);
            double t = h - lo;
            double a = this.values[lo];
            double b = this.values[hi];
            double diff = b - a;
            return t >= 0.5 ? b - (diff * (1 - t)) : a + (diff * t);
        }

        double target = (this.weights.Sum() - 1) * p;
        long cumulative = 0;
        for (int i = 0; i < this.values.Length; i++)
        {
            cumulative += this.weights[i];
            if (cumulative > target)
            {
                return this.values[i];
            }
        }

        return this.values[^1];
    }

    /// <summary>
    /// Equal-width bins over [min, max], the last one closed, assigned as numpy.histogram does (edges
    /// i * width + min, then a correction for values that rounding put on the wrong side of an edge).
    /// Weights make sketch histograms approximate.
    /// </summary>
    public IReadOnlyList<HistogramBin> Histogram(double min, double max, int bins)
    {
        if (this.IsEmpty)
        {
            return [];
        }

        int n = max > min ? bins : 1;
        double width = (max - min) / n;
        double[] edges = Enumerable.Range(0, n + 1).Select(i => i == n ? max : (i * width) + min).ToArray();
        double scale = max > min ? n / (max - min) : 0;
        long[] counts = new long[n];
        for (int i = 0; i < this.values.Length; i++)
        {
            double x = this.values[i];
            int bin = Math.Clamp((int)((x - min) * scale), 0, n - 1);
            bin = x < edges[bin] ? bin - 1 : bin < n - 1 && x >= edges[bin + 1] ? bin + 1 : bin;
            counts[bin] += this.weights[i];
        }

        return counts.Select((c, i) => new HistogramBin(edges[i], edges[i + 1], c)).ToArray();
    }
}
