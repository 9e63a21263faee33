using MLOps.OnnxWorker.Batching;

namespace MLOps.UnitTests.OnnxWorker;

/// <summary>
/// How the dynamic batcher cuts the next batch from the queue (Triton's rules): requests stay in arrival order and
/// whole; the largest prefix of a preferred size runs at once; otherwise it waits until the batch cannot grow (the next
/// request would pass the maximum, or the maximum is reached) or the queue delay is over, then runs all that fit.
/// </summary>
public sealed class DynamicBatchFormingTests
{
    private static readonly HashSet<int> None = [];

    [Fact]
    public void Without_a_delay_everything_that_fits_runs_at_once()
    {
        Assert.Equal(3, DynamicBatcher.Take(Queue(1, 1, 1), maxBatchSize: 64, None, delayOver: true));
        Assert.Equal(1, DynamicBatcher.Take(Queue(1), maxBatchSize: 64, None, delayOver: true));
    }

    [Fact]
    public void Within_the_delay_a_batch_that_can_still_grow_waits()
    {
        Assert.Equal(0, DynamicBatcher.Take(Queue(1, 1, 1), maxBatchSize: 64, None, delayOver: false));
    }

    [Fact]
    public void A_full_batch_runs_without_waiting_and_never_splits_a_request()
    {
        Assert.Equal(2, DynamicBatcher.Take(Queue(30, 34, 1), maxBatchSize: 64, None, delayOver: false));
        Assert.Equal(2, DynamicBatcher.Take(Queue(30, 30, 10), maxBatchSize: 64, None, delayOver: false));
        Assert.Equal(1, DynamicBatcher.Take(Queue(64, 1), maxBatchSize: 64, None, delayOver: false));
    }

    [Fact]
    public void The_largest_preferred_size_that_can_be_formed_runs_at_once()
    {
        HashSet<int> preferred = [4, 8];

        Assert.Equal(4, DynamicBatcher.Take(Queue(1, 1, 1, 1, 1, 1, 1), maxBatchSize: 64, preferred, delayOver: false));
        Assert.Equal(8, DynamicBatcher.Take(Queue(1, 1, 1, 1, 1, 1, 1, 1, 1), maxBatchSize: 64, preferred, delayOver: false));
        Assert.Equal(2, DynamicBatcher.Take(Queue(2, 2, 3), maxBatchSize: 64, preferred, delayOver: false));
        Assert.Equal(0, DynamicBatcher.Take(Queue(3, 3), maxBatchSize: 64, preferred, delayOver: false));
        Assert.Equal(2, DynamicBatcher.Take(Queue(3, 3), maxBatchSize: 64, preferred, delayOver: true));
    }

    private static List<InferenceWork> Queue(params int[] rows) => [.. rows.Select(r => new InferenceWork(new float[r], r, 1, []))];
}
