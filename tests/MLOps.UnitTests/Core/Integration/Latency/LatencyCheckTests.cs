using MLOps.Core.Integration;
using MLOps.Core.Integration.Latency;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Integration.Latency;

public sealed class LatencyCheckTests
{
    /// <summary>The latencies of tests/reference/latency_percentile_reference.py: 5 + ((i · 53) mod 97) / 4 ms.</summary>
    private static double[] Sample(int n) => [.. Enumerable.Range(0, n).Select(i => 5 + ((i * 53 % 97) / 4.0))];

    [Theory]
    [InlineData(1, 5.0, 5.0)]
    [InlineData(19, 27.25, 16.25)]
    [InlineData(20, 25.25, 14.25)]
    [InlineData(21, 27.25, 16.25)]
    [InlineData(59, 27.75, 16.75)]
    [InlineData(60, 27.5, 16.5)]
    [InlineData(100, 27.75, 16.75)]
    [InlineData(101, 27.75, 17.0)]
    public void Nearest_rank_matches_numpy_inverted_cdf(int n, double p95, double p50)
    {
        // Expected values: numpy.percentile(sample, p, method="inverted_cdf"), printed by the reference script.
        Assert.Equal(p95, Percentiles.NearestRank(Sample(n), 95));
        Assert.Equal(p50, Percentiles.NearestRank(Sample(n), 50));
    }

    [Fact]
    public void The_p95_is_judged_against_the_spec_budget()
    {
        double[] latencies = Sample(60);

        CheckResult within = LatencyCheck.Check(latencies, new LatencyBudget { P95Ms = 28 }, 20);
        CheckResult over = LatencyCheck.Check(latencies, new LatencyBudget { P95Ms = 27 }, 20);

        Assert.True(within.Passed, within.Detail);
        Assert.Equal((27.5, 28.0), (within.Figure, within.Bound));
        Assert.Equal(CheckNames.Latency, within.Check);
        Assert.False(over.Passed);
        Assert.Equal("p95 27.5 ms over 60 single-row requests (median 16.5 ms, max 28.25 ms); budget 27 ms.", over.Detail);
    }

    [Fact]
    public void Too_few_or_invalid_samples_fail()
    {
        CheckResult few = LatencyCheck.Check(Sample(19), new LatencyBudget { P95Ms = 100 }, 20);
        CheckResult invalid = LatencyCheck.Check([.. Sample(30), double.NaN, -1], new LatencyBudget { P95Ms = 100 }, 20);

        Assert.False(few.Passed);
        Assert.Equal("19 latency samples are fewer than the 20 a 95th percentile needs.", few.Detail);
        Assert.False(invalid.Passed);
        Assert.Equal("2 of 32 latency samples are not finite non-negative milliseconds.", invalid.Detail);
    }
}
