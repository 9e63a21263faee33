using MLOps.Core.Statistics;

namespace MLOps.UnitTests.Core.Statistics;

/// <summary>
/// The normal and Student t distributions and the special functions under them, against scipy: every expected
/// constant is printed by <c>/usr/bin/python3 tests/reference/ab_tests_reference.py</c> (scipy 1.10.1).
/// </summary>
public sealed class DistributionTests
{
    [Theory]
    [InlineData(-8.0, 6.22096057427174e-16)]
    [InlineData(-5.0, 2.866515718791933e-07)]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(-0.5, 0.3085375387259869)]
    [InlineData(0.0, 0.5)]
    [InlineData(0.3, 0.6179114221889526)]
    [InlineData(1.2, 0.8849303297782918)]
    [InlineData(2.5, 0.9937903346742238)]
    public void Normal_cdf_matches_scipy_in_both_tails(double z, double expected)
    {
        AssertRelative(expected, NormalDistribution.Cdf(z), 1e-12);
    }

    [Theory]
    [InlineData(1.96, 0.04999579029644087)]
    [InlineData(3.5, 0.00046525815807105003)]
    [InlineData(6.0, 1.973175290075389e-09)]
    public void Normal_two_sided_p_matches_scipy_and_is_symmetric(double z, double expected)
    {
        AssertRelative(expected, NormalDistribution.TwoSidedP(z), 1e-12);
        Assert.Equal(NormalDistribution.TwoSidedP(z), NormalDistribution.TwoSidedP(-z));
    }

    [Theory]
    [InlineData(2.1, 3.0, 0.9367173987251578, 0.12656520254968454)]
    [InlineData(-1.5, 7.5, 0.08724028529323215, 0.1744805705864643)]
    [InlineData(0.4, 1.0, 0.6211189415908434, 0.7577621168183133)]
    [InlineData(2.0, 1598.3, 0.9771653923968131, 0.04566921520637378)]
    [InlineData(-4.2, 12.7, 0.0005460185285120742, 0.0010920370570241483)]
    [InlineData(10.0, 4.0, 0.9997189981886421, 0.0005620036227159911)]
    public void Student_t_matches_scipy_including_fractional_and_large_degrees_of_freedom(double t, double df, double cdf, double twoSided)
    {
        AssertRelative(cdf, StudentT.Cdf(t, df), 1e-11);
        AssertRelative(twoSided, StudentT.TwoSidedP(t, df), 1e-11);
    }

    [Fact]
    public void Undefined_inputs_give_nan_not_a_number_that_looks_real()
    {
        Assert.True(double.IsNaN(NormalDistribution.Cdf(double.NaN)));
        Assert.True(double.IsNaN(StudentT.TwoSidedP(double.NaN, 5)));
        Assert.True(double.IsNaN(StudentT.TwoSidedP(1, 0)));
        Assert.Equal(0, StudentT.TwoSidedP(double.PositiveInfinity, 5));
        Assert.Equal(1, StudentT.TwoSidedP(0, 5));
    }

    [Theory]
    [InlineData(0.5, 0.5723649429247)]
    [InlineData(1.0, 0.0)]
    [InlineData(3.7, 1.428072326665388)]
    [InlineData(100.25, 360.28455963776423)]
    [InlineData(800.5, 4548.6082685842175)]
    public void Log_gamma_matches_scipy_gammaln(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), Math.Max(1e-13, Math.Abs(expected) * 1e-14));
    }

    [Theory]
    [InlineData(0.3, 2.0, 3.0, 0.3483)]
    [InlineData(0.9, 0.5, 7.0, 0.9999999780702158)]
    [InlineData(0.999, 400.0, 0.5, 0.37112320531929344)]
    public void Incomplete_beta_matches_scipy_betainc(double x, double a, double b, double expected)
    {
        AssertRelative(expected, SpecialFunctions.RegularizedIncompleteBeta(x, 1 - x, a, b), 1e-11);
    }

    internal static void AssertRelative(double expected, double actual, double relative)
    {
        double tolerance = Math.Abs(expected) * relative;
        Assert.True(Math.Abs(expected - actual) <= tolerance, FormattableString.Invariant($"Expected {expected:R}, got {actual:R} (relative tolerance {relative})."));
    }
}
