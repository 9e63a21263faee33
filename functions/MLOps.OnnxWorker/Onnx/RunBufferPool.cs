using System.Collections.Concurrent;

namespace MLOps.OnnxWorker.Onnx;

/// <summary>
/// The reusable buffer sets of one loaded model: one per batch in flight (the batcher's instances, or each concurrent
/// request when batching is off), created on demand and kept until the model is unloaded.
/// </summary>
public sealed class RunBufferPool(ModelSignature signature, int maxRows) : IDisposable
{
    private readonly ConcurrentBag<RunBuffers> idle = [];
    private readonly ConcurrentBag<RunBuffers> all = [];

    public RunBuffers Rent()
    {
        if (this.idle.TryTake(out RunBuffers? buffers))
        {
            return buffers;
        }

        buffers = new RunBuffers(signature, maxRows);
        this.all.Add(buffers);
        return buffers;
    }

    public void Return(RunBuffers buffers) => this.idle.Add(buffers);

    /// <summary>Only once no call is in flight (the model's lease has drained).</summary>
    public void Dispose()
    {
        foreach (RunBuffers buffers in this.all)
        {
            buffers.Dispose();
        }
    }
}
