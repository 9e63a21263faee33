using MLOps.Core.Statistics;

namespace MLOps.UnitTests.Core.Statistics;

/// <summary>
/// The pooled two-proportion z-test and Welch's t-test against scipy: constants printed by
/// <c>/usr/bin/python3 tests/reference/ab_tests_reference.py</c> (z checked there against scipy's uncorrected
/// χ² test of the 2×2 table; Welch from scipy.stats.ttest_ind(equal_var=False)).
/// </summary>
public sealed class SignificanceTestTests
{
    [Theory]
    [InlineData(560, 800, 624, 800, -3.6476860207004282, 0.0002646127221230719)]
    [InlineData(45, 60, 38, 70, 2.4506331751097017, 0.014260519908931119)]
    [InlineData(7, 10, 9, 10, -1.1180339887498953, 0.26355247728296954)]
    public void Two_proportion_z_matches_scipy(long x1, long n1, long x2, long n2, double z, double p)
    {
        TestResult result = TwoProportionZTest.Compute(x1, n1, x2, n2);

        DistributionTests.AssertRelative(z, result.Statistic, 1e-12);
        DistributionTests.AssertRelative(p, result.PValue, 1e-11);
        Assert.Null(result.DegreesOfFreedom);
    }

    [Fact]
    public void Two_proportion_z_without_variance_is_nan_and_bad_counts_are_refused()
    {
        Assert.True(double.IsNaN(TwoProportionZTest.Compute(10, 10, 20, 20).PValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoProportionZTest.Compute(11, 10, 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoProportionZTest.Compute(0, 0, 1, 2));
    }

    [Fact]
    public void Welch_matches_scipy_on_a_small_sample()
    {
        TestResult result = WelchTTest.Compute([1.2, 3.4, 2.2, 5.1, 4.0], [2.8, 6.1, 5.5, 7.3, 4.9, 6.6]);

        DistributionTests.AssertRelative(-2.5093589034294466, result.Statistic, 1e-12);
        DistributionTests.AssertRelative(8.752401939182224, result.DegreesOfFreedom!.Value, 1e-12);
        DistributionTests.AssertRelative(0.034032808786175255, result.PValue, 1e-10);
    }

    [Fact]
    public void Welch_matches_scipy_on_unequal_sizes()
    {
        double[] a = [.. Enumerable.Range(0, 40).Select(i => (i * 37 % 101) / 10.0)];
        double[] b = [.. Enumerable.Range(0, 55).Select(i => 0.7 + ((i * 53 % 89) / 9.0))];

        TestResult result = WelchTTest.Compute(a, b);

        DistributionTests.AssertRelative(-1.021468607310784, result.Statistic, 1e-12);
        DistributionTests.AssertRelative(83.10973288878678, result.DegreesOfFreedom!.Value, 1e-12);
        DistributionTests.AssertRelative(0.3099966666925971, result.PValue, 1e-10);
    }

    [Fact]
    public void Welch_without_variance_is_nan_and_needs_two_values_per_sample()
    {
        Assert.True(double.IsNaN(WelchTTest.Compute([1, 1, 1], [2, 2]).PValue));
        Assert.Throws<ArgumentException>(() => WelchTTest.Compute([1], [2, 3]));
        Assert.Throws<ArgumentException>(() => WelchTTest.Compute([1, double.NaN], [2, 3]));
    }
}
