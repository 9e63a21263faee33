using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MLOps.OnnxWorker.Onnx;

/// <summary>
/// The input and output memory of one ONNX Runtime call, allocated once for <c>maxRows</c> rows on the pinned object
/// heap and reused for every call: the input rows are copied in, the outputs are written by the runtime straight into
/// pre-allocated buffers (no per-call tensors, result collections or output allocations). The OrtValues that wrap
/// the buffers for a given row count are created on first use and kept for small batches, the common case. One call
/// at a time: callers rent a set from <see cref="RunBufferPool"/>.
/// </summary>
public sealed unsafe class RunBuffers : IDisposable
{
    // Wrappers for up to this many rows are cached (1 + outputs OrtValues each); larger batches wrap per call, where
    // the cost is spread over many rows.
    private const int CachedRowCounts = 256;

    private readonly ModelSignature signature;
    private readonly float[] input;
    private readonly byte[][] outputs;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly Wrapped?[] cached = new Wrapped?[CachedRowCounts + 1];
    private readonly RunOptions runOptions = new();

    public RunBuffers(ModelSignature signature, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(signature);
        this.signature = signature;
        this.MaxRows = maxRows;
        this.input = GC.AllocateUninitializedArray<float>(checked(maxRows * signature.Width), pinned: true);
        this.outputs = [.. signature.Outputs.Select(o => GC.AllocateUninitializedArray<byte>(checked(maxRows * o.RowBytes), pinned: true))];
        this.inputNames = [signature.InputName];
        this.outputNames = [.. signature.Outputs.Select(o => o.Name)];
    }

    public int MaxRows { get; }

    /// <summary>Where the rows of the next call go, row-major.</summary>
    public Span<float> Input(int rows) => this.input.AsSpan(0, rows * this.signature.Width);

    /// <summary>Output <paramref name="index"/> of the last call, for its first <paramref name="rows"/> rows.</summary>
    public ReadOnlySpan<byte> Output(int index, int rows) => this.outputs[index].AsSpan(0, rows * this.signature.Outputs[index].RowBytes);

    /// <summary>Runs the model on the first <paramref name="rows"/> rows of the input buffer.</summary>
    public void Run(InferenceSession session, int rows)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, this.MaxRows);
        Wrapped values = rows <= CachedRowCounts ? this.cached[rows] ??= this.Wrap(rows) : this.Wrap(rows);
        try
        {
            session.Run(this.runOptions, this.inputNames, values.Inputs, this.outputNames, values.Outputs);
        }
        finally
        {
            if (rows > CachedRowCounts)
            {
                values.Dispose();
            }
        }
    }

    public void Dispose()
    {
        foreach (Wrapped? values in this.cached)
        {
            values?.Dispose();
        }

        this.runOptions.Dispose();
    }

    private Wrapped Wrap(int rows)
    {
        var outputValues = new OrtValue[this.outputs.Length];
        for (int i = 0; i < this.outputs.Length; i++)
        {
            OutputTensor output = this.signature.Outputs[i];
            long[] shape = [.. output.Dimensions];
            shape[0] = rows;
            outputValues[i] = Tensor(this.outputs[i], output.ElementType, shape, rows * output.RowBytes);
        }

        return new Wrapped(
            [Tensor(this.input, TensorElementType.Float, [rows, this.signature.Width], rows * this.signature.Width * sizeof(float))],
            outputValues);
    }

    // The arrays live on the pinned object heap, so their addresses are stable for the life of these buffers.
    private static OrtValue Tensor<T>(T[] pinned, TensorElementType type, long[] shape, long bytes)
        where T : unmanaged =>
        OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance, type, shape, (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned)), bytes);

    /// <summary>The OrtValues over the buffers for one row count, in the collections Run takes.</summary>
    private sealed record Wrapped(OrtValue[] Inputs, OrtValue[] Outputs) : IDisposable
    {
        public void Dispose()
        {
            foreach (OrtValue value in this.Inputs.Concat(this.Outputs))
            {
                value.Dispose();
            }
        }
    }
}
