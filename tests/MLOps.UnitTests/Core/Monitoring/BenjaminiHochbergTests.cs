using MLOps.Core.Monitoring.Statistics;

namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>
/// Expected adjusted p-values from <c>/usr/bin/python3 tests/reference/drift_reference.py</c>, which computes them
/// from the definition q_i = min over p_j ≥ p_i of p_j·m/rank_j (statsmodels is not installed here).
/// </summary>
public sealed class BenjaminiHochbergTests
{
    private static readonly double[] PValues = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.5, 0.9, 0.0001, 0.06];

    [Fact]
    public void Adjusted_p_values_match_the_definition()
    {
        double[] expected =
        [
            0.03333333333333333, 0.06666666666666667, 0.06666666666666667, 0.025, 0.25, 0.06666666666666667,
            0.5555555555555556, 0.9, 0.001, 0.08571428571428572,
        ];

        double[] adjusted = BenjaminiHochberg.Adjust(PValues);

        for (int i = 0; i < expected.Length; i++)
        {
            DriftAssert.Close(expected[i], adjusted[i], 1e-15);
        }
    }

    [Fact]
    public void Rejections_at_five_percent_keep_three_of_ten()
    {
        Assert.Equal(
            [true, false, false, true, false, false, false, false, true, false],
            BenjaminiHochberg.Reject(PValues, 0.05));
    }

    [Fact]
    public void An_empty_family_and_invalid_p_values()
    {
        Assert.Empty(BenjaminiHochberg.Adjust([]));
        Assert.Throws<ArgumentException>(() => BenjaminiHochberg.Adjust([0.1, double.NaN]));
        Assert.Throws<ArgumentException>(() => BenjaminiHochberg.Adjust([1.2]));
    }
}
