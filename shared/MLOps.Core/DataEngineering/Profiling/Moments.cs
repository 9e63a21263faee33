using System.Text.Json.Serialization;

namespace MLOps.Core.DataEngineering.Profiling;

/// <summary>
/// Count, mean, sum of squared deviations and range of a numeric stream. Welford's update keeps the variance
/// stable on large values, and Chan et al.'s pairwise merge combines chunk results without a second pass.
/// </summary>
public readonly record struct Moments(long Count, double Mean, double M2, double Min, double Max)
{
    /// <summary>Sample variance (n - 1); zero below two values.</summary>
    [JsonIgnore]
    public double Variance => this.Count > 1 ? this.M2 / (this.Count - 1) : 0;

    [JsonIgnore]
    public double StandardDeviation => Math.Sqrt(this.Variance);

    public Moments Add(double value)
    {
        if (this.Count == 0)
        {
            return new Moments(1, value, 0, value, value);
        }

        long n = this.Count + 1;
        double delta = value - this.Mean;
        double mean = this.Mean + (delta / n);
        return new Moments(n, mean, this.M2 + (delta * (value - mean)), Math.Min(this.Min, value), Math.Max(this.Max, value));
    }

    public Moments Merge(Moments other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (this.Count == 0)
        {
            return other;
        }

        long n = this.Count + other.Count;
        double delta = other.Mean - this.Mean;
        double mean = this.Mean + (delta * other.Count / n);
        double m2 = this.M2 + other.M2 + (delta * delta * ((double)this.Count * other.Count / n));
        return new Moments(n, mean, m2, Math.Min(this.Min, other.Min), Math.Max(this.Max, other.Max));
    }
}
