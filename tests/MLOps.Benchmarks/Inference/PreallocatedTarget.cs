using Microsoft.ML.OnnxRuntime;
using MLOps.OnnxWorker.Onnx;

namespace MLOps.Benchmarks.Inference;

/// <summary>
/// ONNX Runtime in this process through the worker's hot path: rows copied into <see cref="RunBuffers"/> (pinned,
/// reused), outputs written by the runtime into pre-allocated buffers; the same session settings as
/// <see cref="InProcessTarget"/>. The difference between the two is the per-call allocation the worker avoids.
/// One buffer set per concurrent caller, as the worker keeps one per batch in flight.
/// </summary>
public sealed class PreallocatedTarget : IInferenceTarget, IDisposable
{
    private readonly InferenceSession session;
    private readonly RunBufferPool buffers;
    private readonly int probability;

    public PreallocatedTarget(byte[] onnx)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Clamp(Environment.ProcessorCount, 1, 4),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        this.session = new InferenceSession(onnx, options);
        ModelSignature signature = ModelSignature.Read(this.session, out string? problem) ?? throw new InvalidOperationException(problem);
        this.buffers = new RunBufferPool(signature, 1024);
        this.probability = signature.Outputs.Select(o => o.Name).ToList().IndexOf("Probability.output");
    }

    public string Name => "in-process, worker buffers";

    public Task<float[]> ScoreAsync(ReadOnlyMemory<float> rows, CancellationToken cancellationToken)
    {
        int n = rows.Length / InferenceSuite.Width;
        RunBuffers set = this.buffers.Rent();
        try
        {
            rows.Span.CopyTo(set.Input(n));
            set.Run(this.session, n);
            return Task.FromResult(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(set.Output(this.probability, n)).ToArray());
        }
        finally
        {
            this.buffers.Return(set);
        }
    }

    public void Dispose()
    {
        this.buffers.Dispose();
        this.session.Dispose();
    }
}
