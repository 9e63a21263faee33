using System.Globalization;
using System.Text;
using MLOps.Core.Packaging.Onnx;

namespace MLOps.Core.Packaging;

/// <summary>
/// Writes Triton's <c>config.pbtxt</c> for an ONNX model (platform <c>onnxruntime_onnx</c>): every input and output
/// with its data type and dims. When every tensor's first dimension is dynamic the model is batched
/// (<see cref="MaxBatchSize"/>, dynamic batching) and dims leave the batch dimension out; an output that is only the
/// batch dimension is served as dims [1] reshaped to []. KServe's Triton runtime reads the same layout.
/// </summary>
public static class TritonConfig
{
    /// <summary>The largest batch Triton may form: rows are a few dozen floats, so a large batch costs little.</summary>
    public const int MaxBatchSize = 1024;

    public static string Render(string name, OnnxModelInfo model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(model);
        bool batched = model.Inputs.Concat(model.Outputs).All(t => t.Shape.Count > 0 && t.Shape[0] < 0);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"name: {Quote(name)}\n");
        text.Append("platform: \"onnxruntime_onnx\"\n");
        text.Append(CultureInfo.InvariantCulture, $"max_batch_size: {(batched ? MaxBatchSize : 0)}\n");
        Tensors(text, "input", model.Inputs, batched);
        Tensors(text, "output", model.Outputs, batched);
        if (batched)
        {
            text.Append("dynamic_batching { }\n");
        }

        return text.ToString();
    }

    private static void Tensors(StringBuilder text, string kind, IReadOnlyList<OnnxTensorInfo> tensors, bool batched)
    {
        text.Append(kind).Append(" [\n");
        for (int i = 0; i < tensors.Count; i++)
        {
            OnnxTensorInfo tensor = tensors[i];
            IReadOnlyList<long> dims = batched ? [.. tensor.Shape.Skip(1)] : tensor.Shape;
            text.Append("  {\n");
            text.Append(CultureInfo.InvariantCulture, $"    name: {Quote(tensor.Name)}\n");
            text.Append(CultureInfo.InvariantCulture, $"    data_type: {OnnxElementTypes.Triton(tensor.ElementType)}\n");
            if (dims.Count == 0)
            {
                // Triton needs at least one dim; a per-row scalar is [1] to Triton and [] to the model.
                text.Append("    dims: [ 1 ]\n");
                text.Append("    reshape: { shape: [ ] }\n");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"    dims: [ {string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture)))} ]\n");
            }

            text.Append(i < tensors.Count - 1 ? "  },\n" : "  }\n");
        }

        text.Append("]\n");
    }

    /// <summary>A protobuf text-format string literal.</summary>
    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
