using MLOps.Core.Monitoring.Statistics;

namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>
/// Expected values from <c>/usr/bin/python3 tests/reference/drift_reference.py</c> (scipy 1.10.1): math.lgamma,
/// scipy.stats.chi2.sf and 2·scipy.stats.norm.sf(|z|), far tails included.
/// </summary>
public sealed class TailDistributionTests
{
    [Theory]
    [InlineData(0.1, 2.2527126517342055)]
    [InlineData(0.5, 0.5723649429247004)]
    [InlineData(1.5, -0.12078223763524543)]
    [InlineData(2.5, 0.2846828704729196)]
    [InlineData(7.3, 7.147892523022248)]
    [InlineData(10.0, 12.801827480081467)]
    [InlineData(100.5, 361.4355404677776)]
    [InlineData(10000.0, 82099.71749644238)]
    public void Log_gamma_matches_math_lgamma(double x, double expected) =>
        DriftAssert.Close(expected, IncompleteGamma.LogGamma(x), 1e-13);

    [Fact]
    public void Log_gamma_is_zero_at_one_and_two_to_rounding()
    {
        Assert.True(Math.Abs(IncompleteGamma.LogGamma(1.0)) < 1e-14);
        Assert.True(Math.Abs(IncompleteGamma.LogGamma(2.0)) < 1e-14);
    }

    [Theory]
    [InlineData(0.5, 1, 0.47950012218695337)]
    [InlineData(3.84, 1, 0.05004352124870519)]
    [InlineData(100, 1, 1.5239706048320995e-23)]
    [InlineData(400, 1, 5.507248237212379e-89)]
    [InlineData(10, 5, 0.07523524614651217)]
    [InlineData(2, 10, 0.9963401531726563)]
    [InlineData(50, 10, 2.669083424904495e-07)]
    [InlineData(1000, 40, 1.1611382363656968e-183)]
    [InlineData(30, 40, 0.8752187849674751)]
    [InlineData(1e-3, 3, 0.9999915920809419)]
    [InlineData(150, 200, 0.996647558501813)]
    [InlineData(250, 200, 0.009379131668826098)]
    [InlineData(0.02, 1, 0.887537083981715)]
    [InlineData(700, 2, 9.929590396265143e-153)]
    public void Chi_square_tail_matches_scipy(double x, int df, double expected) =>
        DriftAssert.Close(expected, ChiSquareTail.Survival(x, df));

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1e-3, 0.9992021155721779)]
    [InlineData(0.5, 0.6170750774519738)]
    [InlineData(1.0, 0.31731050786291415)]
    [InlineData(1.959963984540054, 0.05)]
    [InlineData(3.0, 0.0026997960632601866)]
    [InlineData(5.0, 5.733031437583866e-07)]
    [InlineData(10.0, 1.523970604832094e-23)]
    [InlineData(20.0, 5.507248237212311e-89)]
    [InlineData(30.0, 9.813427854295816e-198)]
    public void Normal_two_sided_tail_matches_scipy(double z, double expected)
    {
        DriftAssert.Close(expected, GaussianTail.TwoSided(z));
        DriftAssert.Close(expected, GaussianTail.TwoSided(-z));
        DriftAssert.Close(expected / 2, GaussianTail.Upper(z));
    }

    [Fact]
    public void Tails_at_the_ends_of_their_range()
    {
        Assert.Equal(1.0, ChiSquareTail.Survival(0, 3));
        Assert.Equal(0.0, ChiSquareTail.Survival(double.PositiveInfinity, 3));
        Assert.Equal(0.5, GaussianTail.Upper(0));
        Assert.Equal(1.0, GaussianTail.Upper(double.NegativeInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChiSquareTail.Survival(1, 0));
    }
}
