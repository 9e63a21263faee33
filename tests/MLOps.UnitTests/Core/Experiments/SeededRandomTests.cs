using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class SeededRandomTests
{
    [Fact]
    public void SplitMix64_matches_the_reference_sequence_for_seed_zero()
    {
        ulong state = 0;

        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Next(ref state));
        Assert.Equal(0x6E789E6AA1B965F4UL, SplitMix64.Next(ref state));
        Assert.Equal(0x06C45D188009454FUL, SplitMix64.Next(ref state));
    }

    [Fact]
    public void The_stream_for_a_seed_is_pinned_forever()
    {
        var random = new SeededRandom(42, 0);

        Assert.Equal(
            [11515397560260561851UL, 4036140509737839684UL, 8540627209275910255UL],
            [random.NextUInt64(), random.NextUInt64(), random.NextUInt64()]);
    }

    [Fact]
    public void Doubles_and_bounded_integers_are_pinned()
    {
        var random = new SeededRandom(7, 3);

        Assert.Equal(0.6309895037352229, random.NextDouble());
        Assert.Equal(0, random.NextInt(10));
    }

    [Fact]
    public void Different_streams_of_one_seed_are_unrelated()
    {
        Assert.NotEqual(new SeededRandom(1, 0).NextUInt64(), new SeededRandom(1, 1).NextUInt64());
        Assert.NotEqual(new SeededRandom(1, 0).NextUInt64(), new SeededRandom(2, 0).NextUInt64());
    }

    [Fact]
    public void Bounded_integers_cover_the_range_evenly()
    {
        var random = new SeededRandom(5);
        int[] counts = new int[6];
        for (int i = 0; i < 60_000; i++)
        {
            counts[random.NextInt(6)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void Gaussians_have_zero_mean_and_unit_variance()
    {
        var random = new SeededRandom(11);
        double[] draws = Enumerable.Range(0, 20_000).Select(_ => random.NextGaussian()).ToArray();
        double mean = draws.Average();
        double variance = draws.Select(d => (d - mean) * (d - mean)).Average();

        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.96, 1.04);
    }
}
