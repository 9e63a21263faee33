using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MLOps.OnnxWorker.Onnx;

/// <summary>
/// What the worker serves of a model: one FP32 input [batch, width] (the platform's export: "Features") and outputs
/// batched along their first dimension with fixed dimensions after it, of numeric or boolean element types.
/// </summary>
public sealed record ModelSignature(string InputName, int Width, IReadOnlyList<OutputTensor> Outputs)
{
    /// <summary>The signature, or null with the reason the worker cannot serve the model.</summary>
    public static ModelSignature? Read(InferenceSession session, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.InputMetadata.Count != 1)
        {
            problem = $"The model has {session.InputMetadata.Count} inputs; the worker serves models with one FP32 input [batch, width].";
            return null;
        }

        (string inputName, NodeMetadata input) = session.InputMetadata.Single();
        if (!input.IsTensor || input.ElementDataType != TensorElementType.Float || input.Dimensions.Length != 2 || input.Dimensions[0] > 0 || input.Dimensions[1] <= 0)
        {
            problem = $"The model's input '{inputName}' is {Describe(input)}; the worker serves one FP32 input [batch, width] with a dynamic batch dimension.";
            return null;
        }

        var outputs = new List<OutputTensor>();
        foreach ((string name, NodeMetadata output) in session.OutputMetadata)
        {
            if (!output.IsTensor || TensorType.Of(output.ElementDataType) is not { } type)
            {
                problem = $"The model's output '{name}' is {Describe(output)}; the worker serves numeric and boolean tensors.";
                return null;
            }

            if (output.Dimensions.Length == 0 || output.Dimensions[0] > 0 || output.Dimensions.Skip(1).Any(d => d <= 0))
            {
                problem = $"The model's output '{name}' has shape [{string.Join(", ", output.Dimensions)}]; the worker serves outputs batched along a dynamic first dimension with fixed dimensions after it.";
                return null;
            }

            outputs.Add(new OutputTensor(name, output.ElementDataType, type.Datatype, type.Size, [-1, .. output.Dimensions.Skip(1).Select(d => (long)d)]));
        }

        problem = null;
        return new ModelSignature(inputName, input.Dimensions[1], outputs);
    }

    private static string Describe(NodeMetadata node) =>
        node.IsTensor ? $"a {node.ElementDataType} tensor [{string.Join(", ", node.Dimensions)}]" : $"a {node.OnnxValueType}";
}
