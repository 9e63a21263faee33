using Microsoft.ML.OnnxRuntime.Tensors;

namespace MLOps.OnnxWorker.Onnx;

/// <summary>
/// One model output: batched along its first dimension, fixed after it, so the worker pre-allocates it for any batch.
/// <see cref="RowElements"/> elements (<see cref="RowBytes"/> bytes) belong to each input row.
/// </summary>
public sealed record OutputTensor(string Name, TensorElementType ElementType, string Datatype, int ElementSize, long[] Dimensions)
{
    public int RowElements { get; } = checked((int)Dimensions.Skip(1).Aggregate(1L, (a, d) => a * d));

    public int RowBytes => this.RowElements * this.ElementSize;
}
