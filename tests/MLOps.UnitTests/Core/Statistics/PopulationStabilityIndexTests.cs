using MLOps.Core.Statistics;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.Statistics;

public sealed class PopulationStabilityIndexTests
{
    [Fact]
    public void Fixed_counts_match_the_numpy_reference()
    {
        // Reference script: fixed_psi.
        Assert.Equal(0.018731748607135626, PopulationStabilityIndex.FromCounts([100, 200, 300, 250, 150], [90, 210, 280, 300, 120]), 1e-12);
    }

    [Fact]
    public void An_empty_expected_bin_uses_epsilon()
    {
        // Reference script: fixed_psi_empty_bin, expected share 0 replaced by 1e-4.
        Assert.Equal(1e-4, PopulationStabilityIndex.Epsilon);
        Assert.Equal(0.7123991075017365, PopulationStabilityIndex.FromCounts([50, 50, 0, 100], [40, 40, 20, 100]), 1e-12);
    }

    [Fact]
    public void Identical_shares_are_stable()
    {
        Assert.Equal(0.0, PopulationStabilityIndex.FromCounts([10, 20, 30], [1, 2, 3]), 1e-15);
    }

    [Fact]
    public void Churn_day_minutes_first_half_versus_second_half()
    {
        double[] minutes = [.. SpecFixtures.ChurnData.Column("total_day_minutes").Select(v => ReferenceData.Parse(v!))];

        // churn_day_minutes_psi: decile edges of the first 2500 rows, applied to both halves.
        Assert.Equal(0.007817508623563046, PopulationStabilityIndex.Compute(minutes[..2500], minutes[2500..]), 1e-9);
    }

    [Fact]
    public void Refuses_bad_counts()
    {
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.FromCounts([0, 0], [1, 1]));
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.FromCounts([1, -1], [1, 1]));
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.FromCounts([1, 1], [1]));
    }
}
