using System.Buffers;
using System.Diagnostics;
using MLOps.OnnxWorker.Onnx;

namespace MLOps.OnnxWorker.Batching;

/// <summary>
/// One inference request on its way through a model: its rows (in a pooled array), the outputs it asked for, and —
/// once its batch has run — its share of each output (in a pooled array), which the response writer reads before
/// <see cref="Dispose"/> returns both arrays.
/// </summary>
public sealed class InferenceWork : IDisposable
{
    private float[]? rows;
    private byte[]? result;
    private int[] resultOffsets = [];
    private TaskCompletionSource? completion;

    /// <param name="rows">Rented from <see cref="ArrayPool{T}.Shared"/>; this work returns it.</param>
    public InferenceWork(float[] rows, int rowCount, int width, int[] outputs)
    {
        this.rows = rows;
        this.RowCount = rowCount;
        this.Width = width;
        this.Outputs = outputs;
    }

    public int RowCount { get; }

    public int Width { get; }

    /// <summary>Indexes into the model's outputs, in the order the response lists them.</summary>
    public int[] Outputs { get; }

    /// <summary>Stopwatch timestamp of when the request joined its model's queue.</summary>
    public long EnqueuedAt { get; private set; }

    public Exception? Error { get; private set; }

    public ReadOnlySpan<float> Rows => this.rows.AsSpan(0, this.RowCount * this.Width);

    /// <summary>Output <paramref name="position"/> (of <see cref="Outputs"/>) for this request's rows.</summary>
    public ReadOnlySpan<byte> Result(int position, ModelSignature signature) =>
        this.result.AsSpan(this.resultOffsets[position], this.RowCount * signature.Outputs[this.Outputs[position]].RowBytes);

    /// <summary>A task the batcher completes when the request's batch has run (successfully or not).</summary>
    public Task Enqueue()
    {
        this.EnqueuedAt = Stopwatch.GetTimestamp();
        this.completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return this.completion.Task;
    }

    public void StartedAlone() => this.EnqueuedAt = Stopwatch.GetTimestamp();

    /// <summary>Copies this request's rows (starting at <paramref name="firstRow"/> of the batch) out of the run's outputs.</summary>
    public void TakeOutputs(RunBuffers buffers, ModelSignature signature, int firstRow, int batchRows)
    {
        int bytes = 0;
        this.resultOffsets = new int[this.Outputs.Length];
        for (int i = 0; i < this.Outputs.Length; i++)
        {
            this.resultOffsets[i] = bytes;
            bytes += this.RowCount * signature.Outputs[this.Outputs[i]].RowBytes;
        }

        this.result = ArrayPool<byte>.Shared.Rent(Math.Max(bytes, 1));
        for (int i = 0; i < this.Outputs.Length; i++)
        {
            int output = this.Outputs[i];
            int rowBytes = signature.Outputs[output].RowBytes;
            buffers.Output(output, batchRows).Slice(firstRow * rowBytes, this.RowCount * rowBytes).CopyTo(this.result.AsSpan(this.resultOffsets[i]));
        }
    }

    public void Complete() => this.completion?.TrySetResult();

    public void Fail(Exception error)
    {
        this.Error = error;
        this.completion?.TrySetResult();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref this.rows, null) is { } input)
        {
            ArrayPool<float>.Shared.Return(input);
        }

        if (Interlocked.Exchange(ref this.result, null) is { } output)
        {
            ArrayPool<byte>.Shared.Return(output);
        }
    }
}
