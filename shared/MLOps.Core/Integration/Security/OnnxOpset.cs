namespace MLOps.Core.Integration.Security;

/// <summary>An operator set the model imports; the standard domain is written "" whether the file said "" or "ai.onnx".</summary>
public sealed record OnnxOpset(string Domain, long Version);
