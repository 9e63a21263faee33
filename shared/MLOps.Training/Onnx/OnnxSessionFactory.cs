using Microsoft.ML.OnnxRuntime;

namespace MLOps.Training.Onnx;

/// <summary>
/// Opens sessions on ONNX Runtime's CPU provider, where training checks its exports (parity, output listing). GPU
/// inference belongs to the ONNX workers (functions/MLOps.OnnxWorker), which carry the CUDA build and its fallback.
/// </summary>
public static class OnnxSessionFactory
{
    public const string Cpu = "CPU";

    public static OnnxSession Create(byte[] model)
    {
        using var options = new SessionOptions();

        // One intra-op thread: parity and re-runs must not depend on how the runtime splits a batch across cores.
        options.IntraOpNumThreads = 1;
        options.InterOpNumThreads = 1;
        options.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
        return new OnnxSession(new InferenceSession(model, options), Cpu);
    }
}
