namespace MLOps.Core.Packaging.Onnx;

/// <summary>
/// One input or output of an ONNX graph: its name, element type (ONNX <c>TensorProto.DataType</c> code) and shape,
/// -1 for a dimension that is symbolic or unknown (the batch dimension of an exported model).
/// </summary>
public sealed record OnnxTensorInfo(string Name, int ElementType, IReadOnlyList<long> Shape)
{
    /// <summary>The element type as MLflow's tensor-spec names it (numpy's dtype names).</summary>
    public string Dtype => OnnxElementTypes.Dtype(this.ElementType);
}
