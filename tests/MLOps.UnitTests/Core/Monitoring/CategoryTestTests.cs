using MLOps.Core.Monitoring.Statistics;

namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>
/// Evidently's chi-square (expected = reference counts scaled to the current total) and two-proportion z-test.
/// Expected values from <c>/usr/bin/python3 tests/reference/drift_reference.py</c>: scipy.stats.chisquare on those
/// expected counts, and z with 2·scipy.stats.norm.sf(|z|).
/// </summary>
public sealed class CategoryTestTests
{
    public static TheoryData<long[], long[], double, double> ChiSquareCases => new()
    {
        { [30, 50, 20], [25, 40, 35], 14.083333333333334, 0.0008746675674878502 },
        { [10, 20, 30, 40, 50, 60], [12, 0, 33, 41, 60, 55], 23.774875621890544, 0.00023984021778960222 },
        {
            [.. Enumerable.Range(0, 41).Select(i => (long)((i * 3) + 5))],
            [.. Enumerable.Range(0, 41).Select(i => (long)((i * 7 % 23) + 4))],
            573.0433881467982, 1.5696091660736276e-95
        },
        { [500, 300, 200], [100, 300, 600], 1120.0, 6.238642998528585e-244 },
    };

    [Theory]
    [MemberData(nameof(ChiSquareCases))]
    public void Chi_square_matches_scipy_with_evidentlys_expected_counts(long[] reference, long[] current, double statistic, double p)
    {
        ChiSquareResult result = ChiSquareTest.FromCounts(reference, current);

        DriftAssert.Close(statistic, result.Statistic);
        DriftAssert.Close(p, result.PValue);
        Assert.Equal(reference.Length - 1, result.DegreesOfFreedom);
    }

    public static TheoryData<long[], long[], double, double> HomogeneityCases => new()
    {
        { [30, 50, 20], [25, 40, 35], 5.656565656565656, 0.05911427592751336 },
        { [10, 20, 30, 40, 50, 60], [12, 0, 33, 41, 60, 55], 21.276625366857434, 0.0007181395748783579 },
        {
            [.. Enumerable.Range(0, 41).Select(i => (long)((i * 3) + 5))],
            [.. Enumerable.Range(0, 41).Select(i => (long)((i * 7 % 23) + 4))],
            307.7474070054938, 5.027128400479312e-43
        },
        { [500, 300, 200], [100, 300, 600], 466.6666666666667, 4.619775690426857e-102 },
        { [10, 20, 0], [5, 5, 3], 8.232478632478633, 0.016305719938736366 },
        { [60, 40], [45, 55], 4.511278195488721, 0.033672068856345896 },
    };

    [Theory]
    [MemberData(nameof(HomogeneityCases))]
    public void Two_sample_chi_square_matches_scipy_chi2_contingency(long[] reference, long[] current, double statistic, double p)
    {
        ChiSquareResult result = ChiSquareTest.Homogeneity(reference, current);

        DriftAssert.Close(statistic, result.Statistic);
        DriftAssert.Close(p, result.PValue);
    }

    [Fact]
    public void Two_sample_chi_square_of_two_categories_is_the_squared_pooled_z()
    {
        ProportionZResult z = ProportionDriftZTest.FromCounts(40, 100, 55, 100);

        DriftAssert.Close(z.Statistic * z.Statistic, ChiSquareTest.Homogeneity([60, 40], [45, 55]).Statistic, 1e-12);
        DriftAssert.Close(z.PValue, ChiSquareTest.Homogeneity([60, 40], [45, 55]).PValue, 1e-12);
    }

    [Fact]
    public void A_category_new_in_the_window_is_certain_drift()
    {
        // scipy: chisquare([5, 5, 3], [10, 20, 0] scaled) = (inf, 0.0).
        ChiSquareResult result = ChiSquareTest.FromCounts([10, 20, 0], [5, 5, 3]);

        Assert.Equal(double.PositiveInfinity, result.Statistic);
        Assert.Equal(0.0, result.PValue);
    }

    [Fact]
    public void A_single_category_cannot_drift()
    {
        Assert.Equal(new ChiSquareResult(0, 0, 1), ChiSquareTest.FromCounts([40], [7]));
        Assert.Equal(new ChiSquareResult(0, 0, 1), ChiSquareTest.FromCounts([40, 0], [7, 0]));
    }

    [Fact]
    public void Misaligned_or_empty_counts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ChiSquareTest.FromCounts([1, 2], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => ChiSquareTest.FromCounts([0, 0], [1, 2]));
        Assert.Throws<ArgumentException>(() => ChiSquareTest.FromCounts([1, -1], [1, 2]));
    }

    [Theory]
    [InlineData(40, 100, 55, 100, -2.1239769762143665, 0.03367206885634577)]
    [InlineData(300, 1000, 290, 900, -1.0452589329099804, 0.2959033124600924)]
    [InlineData(5, 400, 60, 500, -6.1907718726786065, 5.987030581405968e-10)]
    [InlineData(1, 50, 49, 50, -9.6, 7.994442411452465e-22)]
    [InlineData(500, 1000, 500, 1000, 0.0, 1.0)]
    public void Two_proportion_z_matches_the_reference(long h1, long n1, long h2, long n2, double z, double p)
    {
        ProportionZResult result = ProportionDriftZTest.FromCounts(h1, n1, h2, n2);

        DriftAssert.Close(z, result.Statistic);
        DriftAssert.Close(p, result.PValue);
    }

    [Fact]
    public void One_and_the_same_value_on_both_sides_gives_p_one()
    {
        Assert.Equal(1.0, ProportionDriftZTest.FromCounts(0, 30, 0, 40).PValue);
        Assert.Equal(1.0, ProportionDriftZTest.FromCounts(30, 30, 40, 40).PValue);

        // Two different constants are as far apart as binary columns get.
        Assert.True(ProportionDriftZTest.FromCounts(0, 30, 40, 40).PValue < 1e-15);
    }
}
