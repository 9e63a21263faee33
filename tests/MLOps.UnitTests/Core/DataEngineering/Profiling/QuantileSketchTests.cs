using System.Globalization;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.UnitTests.Core.DataEngineering.Profiling;

public class QuantileSketchTests
{
    private static readonly double[] Probabilities = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];

    /// <summary>0..n-1 in a scrambled but fixed order (a multiplicative step coprime with n), so rank = value.</summary>
    private static IEnumerable<double> Scrambled(int n) => Enumerable.Range(0, n).Select(i => (double)(i * 7919L % n));

    private static QuantileSketch Sketch(IEnumerable<double> values, int capacity, int exactLimit)
    {
        var builder = new QuantileSketchBuilder(capacity, exactLimit);
        foreach (double value in values)
        {
            builder.Add(value);
        }

        return builder.Build();
    }

    [Fact]
    public void Below_the_limit_values_are_kept_exactly()
    {
        QuantileSketch sketch = Sketch(Scrambled(1000), capacity: 64, exactLimit: 1000);

        Assert.True(sketch.IsExact);
        Assert.Equal(0, sketch.RankErrorBound);
        Assert.Equal(499.5, new SortedSample(sketch).Quantile(0.5));
    }

    [Fact]
    public void Above_the_limit_ranks_stay_within_the_stated_bound()
    {
        const int n = 1_000_000;
        QuantileSketch sketch = Sketch(Scrambled(n), capacity: 256, exactLimit: 10_000);
        var sample = new SortedSample(sketch);

        Assert.False(sketch.IsExact);
        Assert.Equal(n, sketch.Count);
        Assert.InRange(sketch.Levels.Sum(l => l.Count), 1, 256 * sketch.Levels.Count);
        Assert.True(sketch.RankErrorBound < 0.06, $"bound {sketch.RankErrorBound}");
        foreach (double p in Probabilities)
        {
            // Value = rank in this data, so the rank error is the value error.
            double error = Math.Abs(sample.Quantile(p) - (p * (n - 1))) / n;
            Assert.True(error <= sketch.RankErrorBound, $"p{p}: rank error {error} above bound {sketch.RankErrorBound}");
        }

        Assert.Equal(n, sample.Histogram(0, n - 1, 10).Sum(b => b.Count));
    }

    [Fact]
    public void Merged_sketches_keep_the_bound_and_the_count()
    {
        const int n = 300_000;
        double[] values = Scrambled(n).ToArray();
        var builder = new QuantileSketchBuilder(128, 5000);
        builder.Merge(Sketch(values.Take(1000), 128, 5000));
        builder.Merge(Sketch(values.Skip(1000).Take(150_000), 128, 5000));
        builder.Merge(Sketch(values.Skip(151_000), 128, 5000));
        QuantileSketch merged = builder.Build();
        var sample = new SortedSample(merged);

        Assert.Equal(n, merged.Count);
        foreach (double p in Probabilities)
        {
            double error = Math.Abs(sample.Quantile(p) - (p * (n - 1))) / n;
            Assert.True(error <= merged.RankErrorBound, $"p{p}: rank error {error} above bound {merged.RankErrorBound}");
        }
    }

    [Fact]
    public void Exact_sketches_whose_union_passes_the_limit_switch_to_levels()
    {
        var builder = new QuantileSketchBuilder(16, 100);
        builder.Merge(Sketch(Scrambled(80), 16, 100));
        builder.Merge(Sketch(Scrambled(80), 16, 100));

        QuantileSketch merged = builder.Build();

        Assert.False(merged.IsExact);
        Assert.Equal(160, merged.Count);
        Assert.Equal(160, merged.Levels.Select((l, h) => l.Count * (1L << h)).Sum());
    }

    [Fact]
    public void A_column_past_the_exact_limit_reports_approximate_quantiles_deterministically()
    {
        var options = new ProfilerOptions { ExactQuantileLimit = 2000, SketchCapacity = 128 };
        string[][] rows = Scrambled(50_000).Select(v => new[] { v.ToString(CultureInfo.InvariantCulture) }).ToArray();

        string Run()
        {
            var profiler = new ColumnProfiler(["v"], options);
            profiler.Add(DataFiles.Table(["v"], rows));
            return DataEngineeringJson.Serialize(ColumnProfiler.Finish(profiler.ToPartial(), options));
        }

        ColumnProfile column = DataEngineeringJson.Deserialize<DatasetProfile>(Run()).Columns[0];
        Assert.False(column.Quantiles!.Exact);
        Assert.True(column.Quantiles.RankErrorBound > 0);
        Assert.InRange(column.Quantiles.P50, 25_000 - (column.Quantiles.RankErrorBound * 50_000), 25_000 + (column.Quantiles.RankErrorBound * 50_000));
        Assert.Equal(Run(), Run());
    }
}
