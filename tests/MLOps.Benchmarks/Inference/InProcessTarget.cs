using Microsoft.ML.OnnxRuntime;

namespace MLOps.Benchmarks.Inference;

/// <summary>
/// The baseline: ONNX Runtime in this process (the CPU package, as MLOps.Training uses it), with the worker's session
/// settings (intra-op threads min(cores, 4), sequential, no spinning), the input wrapped per call and the outputs
/// allocated by the runtime — the plain OrtValue API. Run is thread-safe, so concurrency calls it concurrently.
/// </summary>
public sealed class InProcessTarget : IInferenceTarget, IDisposable
{
    private static readonly string[] InputNames = ["Features"];
    private static readonly string[] OutputNames = ["Probability.output"];
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();

    public InProcessTarget(byte[] onnx)
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
    }

    public string Name => "in-process ORT";

    public Task<float[]> ScoreAsync(ReadOnlyMemory<float> rows, CancellationToken cancellationToken)
    {
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(
            OrtMemoryInfo.DefaultInstance, System.Runtime.InteropServices.MemoryMarshal.AsMemory(rows), [rows.Length / InferenceSuite.Width, InferenceSuite.Width]);
        using IDisposableReadOnlyCollection<OrtValue> outputs = this.session.Run(this.runOptions, InputNames, [input], OutputNames);
        return Task.FromResult(outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }

    public void Dispose()
    {
        this.runOptions.Dispose();
        this.session.Dispose();
    }
}
