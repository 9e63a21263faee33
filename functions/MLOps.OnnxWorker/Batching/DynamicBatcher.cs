using System.Diagnostics;
using System.Threading.Channels;

namespace MLOps.OnnxWorker.Batching;

/// <summary>
/// Triton's dynamic batcher for one model version (see <see cref="DynamicBatchingOptions"/>). One scheduling loop owns
/// the queue: when one of the version's instances is free it takes requests in arrival order, forms a batch by the
/// preferred-size, maximum-size and queue-delay rules, and hands it to the free instance; requests are never
/// reordered, split across batches, or dropped.
/// </summary>
public sealed class DynamicBatcher : IInferenceScheduler
{
    private readonly ModelExecution execution;
    private readonly int maxBatchSize;
    private readonly HashSet<int> preferred;
    private readonly long maxDelayTicks;
    private readonly int instances;
    private readonly Channel<InferenceWork> queue = Channel.CreateUnbounded<InferenceWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<InferenceWork> pending = [];
    private readonly SemaphoreSlim free;
    private readonly Task loop;
    private Task<bool>? arrival;

    public DynamicBatcher(ModelExecution execution, DynamicBatchingOptions options, int maxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(options);
        this.execution = execution;
        this.maxBatchSize = maxBatchSize;
        this.preferred = [.. options.PreferredBatchSizes];
        this.maxDelayTicks = options.MaxQueueDelayMicroseconds * Stopwatch.Frequency / 1_000_000;
        this.instances = options.Instances;
        this.free = new SemaphoreSlim(options.Instances, options.Instances);
        this.loop = Task.Run(this.ScheduleAsync);
    }

    public ValueTask RunAsync(InferenceWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Task done = work.Enqueue();
        if (!this.queue.Writer.TryWrite(work))
        {
            work.Fail(new ObjectDisposedException(nameof(DynamicBatcher), "The model is being unloaded."));
        }

        return new ValueTask(done);
    }

    /// <summary>Stops taking requests, runs the ones queued, and waits for running batches to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        this.queue.Writer.TryComplete();
        await this.loop;
        for (int i = 0; i < this.instances; i++)
        {
            await this.free.WaitAsync();
        }

        this.free.Dispose();
    }

    /// <summary>
    /// How many of the pending requests (a prefix, in arrival order) form the next batch now, or 0 to wait for more:
    /// the largest prefix of a preferred size if there is one; else, once the batch cannot grow (the next request
    /// would exceed the maximum, or the maximum is reached), the delay is off, or the oldest request has waited the
    /// delay, every request that fits.
    /// </summary>
    internal static int Take(IReadOnlyList<InferenceWork> pending, int maxBatchSize, IReadOnlySet<int> preferred, bool delayOver)
    {
        int rows = 0;
        int fits = 0;
        int preferredPrefix = 0;
        bool full = false;
        foreach (InferenceWork work in pending)
        {
            if (rows + work.RowCount > maxBatchSize)
            {
                full = true;
                break;
            }

            rows += work.RowCount;
            fits++;
            if (preferred.Contains(rows))
            {
                preferredPrefix = fits;
            }
        }

        if (preferredPrefix > 0)
        {
            return preferredPrefix;
        }

        return full || rows == maxBatchSize || delayOver ? fits : 0;
    }

    private async Task ScheduleAsync()
    {
        while (true)
        {
            await this.free.WaitAsync();
            if (!await this.WaitForWorkAsync())
            {
                this.free.Release();
                return;
            }

            int take = await this.FormBatchAsync();
            InferenceWork[] batch = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(this.pending)[..take].ToArray();
            this.pending.RemoveRange(0, take);
            if (this.instances == 1)
            {
                // The loop is the only instance: run here; requests arriving meanwhile form the next batch.
                this.RunAndRelease(batch);
            }
            else
            {
                _ = Task.Run(() => this.RunAndRelease(batch));
            }
        }
    }

    private void RunAndRelease(InferenceWork[] batch)
    {
        try
        {
            this.execution.Run(batch);
        }
        finally
        {
            this.free.Release();
        }
    }

    /// <summary>Waits until at least one request is pending; false once the queue is closed and drained.</summary>
    private async Task<bool> WaitForWorkAsync()
    {
        while (true)
        {
            this.Drain();
            if (this.pending.Count > 0)
            {
                return true;
            }

            if (!await this.NextArrival())
            {
                this.Drain();
                return this.pending.Count > 0;
            }
        }
    }

    private async Task<int> FormBatchAsync()
    {
        while (true)
        {
            this.Drain();
            long waited = Stopwatch.GetTimestamp() - this.pending[0].EnqueuedAt;
            bool delayOver = this.maxDelayTicks == 0 || waited >= this.maxDelayTicks || this.queue.Reader.Completion.IsCompleted;
            int take = Take(this.pending, this.maxBatchSize, this.preferred, delayOver);
            if (take > 0)
            {
                return take;
            }

            TimeSpan remaining = TimeSpan.FromTicks((this.maxDelayTicks - waited) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
            if (remaining >= TimeSpan.FromMilliseconds(1))
            {
                Task<bool> arrival = this.NextArrival();
                await Task.WhenAny(arrival, Task.Delay(remaining));
            }
            else
            {
                // Below the timer's resolution: yield and look again.
                await Task.Yield();
            }
        }
    }

    /// <summary>One outstanding wait for the queue (a single-reader channel allows one); true when an item may be there.</summary>
    private Task<bool> NextArrival()
    {
        if (this.arrival is { IsCompleted: true })
        {
            this.arrival = null;
        }

        return this.arrival ??= this.queue.Reader.WaitToReadAsync().AsTask();
    }

    private void Drain()
    {
        while (this.queue.Reader.TryRead(out InferenceWork? work))
        {
            this.pending.Add(work);
        }
    }
}
