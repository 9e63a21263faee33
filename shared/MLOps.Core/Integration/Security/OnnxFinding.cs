namespace MLOps.Core.Integration.Security;

/// <summary>One objection of the ONNX scan: its kind, where in the model it is (e.g. "graph.initializer[2]") and why.</summary>
public sealed record OnnxFinding(OnnxFindingKind Kind, string Where, string Detail);
