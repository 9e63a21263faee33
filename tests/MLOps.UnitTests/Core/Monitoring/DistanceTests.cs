using MLOps.Core.Monitoring.Statistics;

namespace MLOps.UnitTests.Core.Monitoring;

/// <summary>
/// Expected values from <c>/usr/bin/python3 tests/reference/drift_reference.py</c> (numpy 1.24.2, scipy 1.10.1):
/// scipy.stats.wasserstein_distance over numpy.std, scipy.spatial.distance.jensenshannon(base=2), numpy's
/// histogram_bin_edges('sturges') and histogram, and PSI written out with numpy after Evidently's get_binned_data.
/// </summary>
public sealed class DistanceTests
{
    [Theory]
    [InlineData("Smooth", 0.5934471425557666, 1.1591556444791442)]
    [InlineData("Ties", 0.506818181818182, 0.1360892250980803)]
    [InlineData("ConstantReference", 3.0139252523233737, 3013.9252523233736)]
    [InlineData("Large", 0.10707805369574633, 0.21340838224172143)]
    public void Wasserstein_matches_scipy_and_is_normed_by_the_reference_std(string name, double distance, double normed)
    {
        (double[] reference, double[] current) = name switch
        {
            "Smooth" => (DriftSamples.Smooth(60, 1), DriftSamples.Smooth(45, 2, 0.4, 2.0)),
            "Ties" => (DriftSamples.Ints(40, 7, 3, 13), DriftSamples.Ints(55, 5, 1, 11, 1)),
            "ConstantReference" => (Enumerable.Repeat(3.0, 50).ToArray(), DriftSamples.Smooth(40, 3)),
            _ => (DriftSamples.Smooth(2000, 4), DriftSamples.Smooth(3000, 5, 0.1, 1.1)),
        };

        DriftAssert.Close(distance, WassersteinDistance.Compute(reference, current));
        DriftAssert.Close(normed, WassersteinDistance.Normed(reference, current));
        DriftAssert.Close(distance, WassersteinDistance.Compute(current, reference));
    }

    [Fact]
    public void Wasserstein_of_a_sample_with_itself_is_zero() =>
        Assert.Equal(0.0, WassersteinDistance.Compute(DriftSamples.Ints(30, 3, 1, 7), [.. DriftSamples.Ints(30, 3, 1, 7).Reverse()]));

    [Theory]
    [InlineData(new[] { 0.2, 0.3, 0.5 }, new[] { 0.1, 0.6, 0.3 }, 0.2593239256168245)]
    [InlineData(new[] { 0.5, 0.5, 0.0 }, new[] { 0.0, 0.5, 0.5 }, 0.7071067811865476)]
    [InlineData(new[] { 0.25, 0.25, 0.5 }, new[] { 0.25, 0.25, 0.5 }, 0.0)]
    [InlineData(new[] { 10.0, 20, 30 }, new[] { 5.0, 5, 50 }, 0.31388214193389796)]
    [InlineData(new[] { 1.0, 0 }, new[] { 0.0, 1 }, 1.0)]
    public void Jensen_shannon_distance_matches_scipy_base_2(double[] p, double[] q, double expected)
    {
        DriftAssert.Close(expected, JensenShannonDrift.Distance(p, q));
        DriftAssert.Close(expected * expected, JensenShannonDrift.Divergence(p, q), 1e-9);
    }

    [Fact]
    public void Jensen_shannon_base_changes_the_unit()
    {
        double[] p = [0.2, 0.3, 0.5], q = [0.1, 0.6, 0.3];

        // Divergence in nats = divergence in bits × ln 2.
        DriftAssert.Close(JensenShannonDrift.Divergence(p, q) * Math.Log(2), JensenShannonDrift.Divergence(p, q, Math.E), 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>(() => JensenShannonDrift.Distance(p, q, 1));
    }

    [Theory]
    [InlineData(new[] { 0.1, 0.2, 0.3, 0.4 }, new[] { 0.15, 0.25, 0.25, 0.35 }, 0.04722308044204257)]
    [InlineData(new[] { 0.1, 0.2, 0.3, 0.4 }, new[] { 0.0, 0.3, 0.3, 0.4 }, 0.7306312631811319)]
    [InlineData(new[] { 0.00005, 0.49995, 0.5, 0.0 }, new[] { 0.3, 0.3, 0.2, 0.2 }, 7.408338294267869)]
    public void Psi_smooths_empty_bins_as_evidently(double[] reference, double[] current, double expected) =>
        DriftAssert.Close(expected, PsiDrift.FromShares(reference, current));

    [Fact]
    public void Psi_smoothing_uses_the_smallest_share_when_it_is_tiny()
    {
        Assert.Equal([0.0001, 0.5, 0.5], PsiDrift.Smooth([0, 0.5, 0.5]));
        Assert.Equal([0.00005, 5e-11, 0.99995], PsiDrift.Smooth([0.00005, 0, 0.99995]));
        Assert.Throws<ArgumentException>(() => PsiDrift.Smooth([0, 0]));
    }

    [Fact]
    public void L_infinity_is_the_largest_share_change()
    {
        Assert.Equal(0.3, LInfinityDistance.Compute([0.2, 0.3, 0.5], [0.1, 0.6, 0.3]), 15);
        Assert.Equal(0.0, LInfinityDistance.Compute([0.5, 0.5], [0.5, 0.5]));
    }

    [Fact]
    public void Sturges_edges_and_counts_match_numpy()
    {
        double[] reference = DriftSamples.Smooth(500, 14), current = DriftSamples.Smooth(700, 15, 0.25, 1.2);
        double[] expected =
        [
            -1.3896722294393922, -1.107439792145498, -0.8252073548516037, -0.5429749175577094, -0.2607424802638152,
            0.021489957030079054, 0.3037223943239733, 0.5859548316178675, 0.8681872689117618, 1.1504197062056558,
            1.4326521434995503, 1.7148845807934447, 1.9971170180873385,
        ];

        double[] edges = DriftHistogram.SturgesEdges([.. reference, .. current]);

        Assert.Equal(expected, edges);
        Assert.Equal([2L, 23, 44, 85, 101, 102, 79, 41, 23, 0, 0, 0], DriftHistogram.Counts(reference, edges));
        Assert.Equal([9L, 14, 46, 80, 105, 123, 118, 94, 62, 31, 14, 4], DriftHistogram.Counts(current, edges));
    }

    [Fact]
    public void A_constant_sample_gets_one_bin_around_its_value()
    {
        double[] edges = DriftHistogram.SturgesEdges(Enumerable.Repeat(4.0, 30).ToArray());

        Assert.Equal([3.5, 4.5], edges);
        Assert.Equal([30L], DriftHistogram.Counts(Enumerable.Repeat(4.0, 30).ToArray(), edges));
    }

    [Fact]
    public void The_last_bin_holds_its_right_edge_and_others_do_not()
    {
        double[] edges = [0, 1, 2, 3];

        Assert.Equal([1L, 2, 3], DriftHistogram.Counts([0, 1, 1.5, 2, 2.5, 3, 7, -1], edges));
    }
}
