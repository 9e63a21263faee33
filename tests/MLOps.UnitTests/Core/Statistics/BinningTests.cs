using MLOps.Core.Statistics;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.Statistics;

public sealed class BinningTests
{
    [Fact]
    public void Decile_edges_match_numpy_quantile()
    {
        double[] seniority = [.. SpecFixtures.CreditData.Column("Seniority").Select(v => ReferenceData.Parse(v!))];

        // np.unique(np.quantile(Seniority, [0.1 .. 0.9])): ties at 0 collapse the first deciles into one edge.
        Assert.Equal([0.0, 1, 2, 3, 5, 8, 10, 14, 20], Binning.QuantileEdges(seniority, 10));
    }

    [Fact]
    public void Quantiles_interpolate_linearly()
    {
        // np.quantile([1, 2, 3, 4, 10], [0.25, 0.5, 0.75]) = [2, 3, 4]; np.quantile([1, 2], [0.5]) = 1.5.
        Assert.Equal([2.0, 3, 4], Binning.QuantileEdges([10, 1, 4, 3, 2], 4));
        Assert.Equal([1.5], Binning.QuantileEdges([1, 2], 2));
    }

    [Fact]
    public void Bins_are_right_closed()
    {
        double[] edges = [3, 6, 9];

        Assert.Equal([0, 0, 1, 1, 2, 3], new[] { -1.0, 3, 3.5, 6, 9, 9.01 }.Select(v => Binning.BinOf(v, edges)));
        Assert.Equal([3L, 3, 3, 3], Binning.Counts([.. Enumerable.Range(1, 12).Select(i => (double)i)], edges));
        Assert.Equal("(-inf, 3]", Binning.Label(0, edges));
        Assert.Equal("(9, inf)", Binning.Label(3, edges));
    }
}
