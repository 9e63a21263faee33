namespace MLOps.Core.Packaging.Onnx;

/// <summary>ONNX tensor element types (<c>TensorProto.DataType</c>) as MLflow dtypes and Triton data types.</summary>
public static class OnnxElementTypes
{
    private static readonly Dictionary<int, (string Dtype, string Triton)> Types = new()
    {
        [1] = ("float32", "TYPE_FP32"),
        [2] = ("uint8", "TYPE_UINT8"),
        [3] = ("int8", "TYPE_INT8"),
        [4] = ("uint16", "TYPE_UINT16"),
        [5] = ("int16", "TYPE_INT16"),
        [6] = ("int32", "TYPE_INT32"),
        [7] = ("int64", "TYPE_INT64"),
        [8] = ("str", "TYPE_STRING"),
        [9] = ("bool", "TYPE_BOOL"),
        [10] = ("float16", "TYPE_FP16"),
        [11] = ("float64", "TYPE_FP64"),
        [12] = ("uint32", "TYPE_UINT32"),
        [13] = ("uint64", "TYPE_UINT64"),
    };

    public static bool IsKnown(int elementType) => Types.ContainsKey(elementType);

    public static string Dtype(int elementType) => Lookup(elementType).Dtype;

    public static string Triton(int elementType) => Lookup(elementType).Triton;

    private static (string Dtype, string Triton) Lookup(int elementType) =>
        Types.TryGetValue(elementType, out (string, string) type)
            ? type
            : throw new InvalidDataException($"ONNX element type {elementType} has no Triton or MLflow equivalent.");
}
