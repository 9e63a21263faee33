using Microsoft.ML.OnnxRuntime;

namespace MLOps.Training.Onnx;

/// <summary>An ONNX Runtime session and the execution provider it ended up on ("CUDA" or "CPU").</summary>
public sealed class OnnxSession(InferenceSession session, string provider) : IDisposable
{
    public InferenceSession Session { get; } = session;

    public string Provider { get; } = provider;

    public void Dispose() => this.Session.Dispose();
}
