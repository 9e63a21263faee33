using Microsoft.ML.OnnxRuntime.Tensors;

namespace MLOps.OnnxWorker.Onnx;

/// <summary>The ONNX element types the worker serves, with their V2 datatype names and sizes.</summary>
public static class TensorType
{
    /// <summary>The V2 datatype and byte size of an element type; null for types the worker does not serve (strings, FP16).</summary>
    public static (string Datatype, int Size)? Of(TensorElementType type) => type switch
    {
        TensorElementType.Float => ("FP32", 4),
        TensorElementType.Double => ("FP64", 8),
        TensorElementType.Bool => ("BOOL", 1),
        TensorElementType.Int8 => ("INT8", 1),
        TensorElementType.UInt8 => ("UINT8", 1),
        TensorElementType.Int16 => ("INT16", 2),
        TensorElementType.UInt16 => ("UINT16", 2),
        TensorElementType.Int32 => ("INT32", 4),
        TensorElementType.UInt32 => ("UINT32", 4),
        TensorElementType.Int64 => ("INT64", 8),
        TensorElementType.UInt64 => ("UINT64", 8),
        _ => null,
    };
}
