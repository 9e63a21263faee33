using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using MLOps.OnnxWorker.Metrics;
using MLOps.OnnxWorker.Onnx;

namespace MLOps.OnnxWorker.Batching;

/// <summary>
/// Runs one batch of requests for a model version through a single ONNX Runtime call: the requests' rows are
/// copied one after another into a rented buffer set, the session runs once, and each request takes its rows of
/// every output it asked for. The session is thread-safe for Run; each call has its own buffers.
/// </summary>
public sealed class ModelExecution(InferenceSession session, ModelSignature signature, RunBufferPool buffers, WorkerMetrics metrics, ModelTags tags)
{
    public ModelSignature Signature => signature;

    public void Run(ReadOnlySpan<InferenceWork> batch)
    {
        RunBuffers set = buffers.Rent();
        try
        {
            int rows = 0;
            long started = Stopwatch.GetTimestamp();
            foreach (InferenceWork work in batch)
            {
                work.Rows.CopyTo(set.Input(rows + work.RowCount)[(rows * signature.Width)..]);
                rows += work.RowCount;
                metrics.QueueTime(tags, Stopwatch.GetElapsedTime(work.EnqueuedAt, started));
            }

            set.Run(session, rows);
            metrics.Batch(tags, rows, Stopwatch.GetElapsedTime(started));

            int first = 0;
            foreach (InferenceWork work in batch)
            {
                work.TakeOutputs(set, signature, first, rows);
                first += work.RowCount;
                work.Complete();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever failed, every request of the batch gets an answer (a 500 naming the failure) and the batcher
            // keeps running for the next batch; nothing waits forever.
            foreach (InferenceWork work in batch)
            {
                work.Fail(e);
            }
        }
        finally
        {
            buffers.Return(set);
        }
    }
}
