using MLOps.Core.Experiments;

namespace MLOps.UnitTests.Core.Experiments;

public class TrialChunksTests
{
    [Fact]
    public void Chunks_are_equal_but_the_last()
    {
        Assert.Equal(
            [new TrialChunk(0, 0, 4), new TrialChunk(1, 4, 4), new TrialChunk(2, 8, 2)],
            TrialChunks.Split(10, 4));
    }

    [Fact]
    public void Exact_multiples_and_empty_searches_have_no_stub_chunk()
    {
        Assert.Equal(2, TrialChunks.Split(8, 4).Count);
        Assert.Empty(TrialChunks.Split(0, 4));
    }

    [Fact]
    public void Items_are_split_in_order()
    {
        IReadOnlyList<IReadOnlyList<int>> chunks = TrialChunks.Split([1, 2, 3, 4, 5], 2);

        Assert.Equal([[1, 2], [3, 4], [5]], chunks);
    }

    [Fact]
    public void A_chunk_size_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TrialChunks.Split(5, 0));
}
