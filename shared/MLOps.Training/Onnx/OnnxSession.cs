using Microsoft.ML.OnnxRuntime;

namespace MLOps.Training.Onnx;

/// <summary>An ONNX Runtime session and the execution provider it runs on ("CPU" in training).</summary>
public sealed class OnnxSession(InferenceSession session, string provider) : IDisposable
{
    public InferenceSession Session { get; } = session;

    public string Provider { get; } = provider;

    public void Dispose() => this.Session.Dispose();
}
