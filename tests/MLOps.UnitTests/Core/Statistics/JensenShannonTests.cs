using MLOps.Core.Statistics;

namespace MLOps.UnitTests.Core.Statistics;

/// <summary>
/// Jensen–Shannon distance in bits. Hand-computable cases first, then scipy's
/// <c>jensenshannon(p, q, base=2)</c> printed by <c>/usr/bin/python3 tests/reference/ab_tests_reference.py</c>.
/// </summary>
public sealed class JensenShannonTests
{
    [Fact]
    public void Disjoint_distributions_are_one_bit_apart()
    {
        // P = (½, 0, ½), Q = (0, 1, 0), M = (¼, ½, ¼): KL(P‖M) = KL(Q‖M) = 1 bit, so JSD = 1 and the distance is 1.
        Assert.Equal(1.0, JensenShannon.FromCounts([5, 0, 5], [0, 10, 0]), 1e-15);
    }

    [Fact]
    public void A_point_mass_against_a_fair_coin_by_hand_and_by_scipy()
    {
        // M = (¾, ¼): KL(P‖M) = log₂(4/3), KL(Q‖M) = ½log₂(2/3) + ½log₂2; distance = √(½(KL₁ + KL₂)).
        double byHand = Math.Sqrt((Math.Log2(4.0 / 3) + (0.5 * Math.Log2(2.0 / 3)) + 0.5) / 2);
        Assert.Equal(byHand, JensenShannon.FromShares([1, 0], [0.5, 0.5]), 1e-15);
        Assert.Equal(0.5579230452841438, JensenShannon.FromShares([1, 0], [0.5, 0.5]), 1e-14);
    }

    [Fact]
    public void Matches_scipy_and_is_symmetric_and_zero_on_equal_shares()
    {
        Assert.Equal(0.3918681606471551, JensenShannon.FromCounts([10, 20, 30, 40], [40, 30, 20, 10]), 1e-14);
        Assert.Equal(JensenShannon.FromCounts([10, 20, 30, 40], [40, 30, 20, 10]), JensenShannon.FromCounts([40, 30, 20, 10], [10, 20, 30, 40]), 1e-15);
        Assert.Equal(0.0, JensenShannon.FromCounts([1, 2, 3], [10, 20, 30]), 1e-15);
    }

    [Fact]
    public void Refuses_bad_counts()
    {
        Assert.Throws<ArgumentException>(() => JensenShannon.FromCounts([0, 0], [1, 1]));
        Assert.Throws<ArgumentException>(() => JensenShannon.FromCounts([1, -1], [1, 1]));
        Assert.Throws<ArgumentException>(() => JensenShannon.FromCounts([1, 1], [1]));
    }
}
