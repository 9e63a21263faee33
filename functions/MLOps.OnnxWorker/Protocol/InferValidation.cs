using System.Globalization;
using MLOps.Core.Serving.Workers;
using MLOps.OnnxWorker.Onnx;

namespace MLOps.OnnxWorker.Protocol;

/// <summary>
/// Checks a read request against the model it is for, in the order a caller fixes them: the input (one, the model's
/// name, FP32), the shape ([n, width], 1 ≤ n ≤ the maximum batch size), the data (every element, the count, a nesting
/// that matches the shape), then the outputs asked for. Returns the rows and the output indexes, or throws a
/// <see cref="V2Exception"/> (400) that names the field.
/// </summary>
public static class InferValidation
{
    public static (int Rows, int[] Outputs) Check(InferRequest request, ModelSignature signature, int maxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signature);
        string expected = string.Create(CultureInfo.InvariantCulture, $"[n, {signature.Width}]");
        if (request.InputCount != 1 || request.Input is not { } input)
        {
            throw new V2Exception(400, $"The model has one input, '{signature.InputName}' (FP32 {expected}); the request has {request.InputCount}.");
        }

        if (input.Name != signature.InputName)
        {
            throw new V2Exception(400, $"Input '{input.Name}' is not the model's input; it is '{signature.InputName}' (FP32 {expected}).");
        }

        if (input.Datatype != WorkerProtocol.Fp32)
        {
            throw new V2Exception(400, $"Input '{input.Name}' has datatype '{input.Datatype}'; the model takes {WorkerProtocol.Fp32}.");
        }

        if (input.Shape is not [long rows, long width] || width != signature.Width || rows < 1)
        {
            throw new V2Exception(400, $"Input '{input.Name}' has shape [{string.Join(", ", input.Shape ?? [])}]; the model takes {expected} with n ≥ 1.");
        }

        if (rows > maxBatchSize)
        {
            throw new V2Exception(400, string.Create(CultureInfo.InvariantCulture, $"Input '{input.Name}' has {rows} rows; this worker takes at most {maxBatchSize} per request (Worker:MaxBatchSize)."));
        }

        if (input.ElementProblem is { } problem)
        {
            throw new V2Exception(400, $"Input '{input.Name}': {problem}");
        }

        if (input.Count != rows * width)
        {
            throw new V2Exception(400, string.Create(CultureInfo.InvariantCulture, $"Input '{input.Name}' has {input.Count} values; shape [{rows}, {width}] needs {rows * width}."));
        }

        if (input.Depth > 1 && (input.Ragged || input.Depth != 2 || input.Lengths[0] != rows || input.Lengths[1] != width))
        {
            throw new V2Exception(400, $"Input '{input.Name}': data is nested but not as its shape [{rows}, {width}]; give it flat (row-major) or as {rows} arrays of {width}.");
        }

        int[] outputs = request.Outputs is null
            ? [.. Enumerable.Range(0, signature.Outputs.Count)]
            : [.. request.Outputs.Select(name => IndexOf(signature, name))];
        return ((int)rows, outputs);
    }

    private static int IndexOf(ModelSignature signature, string name)
    {
        for (int i = 0; i < signature.Outputs.Count; i++)
        {
            if (signature.Outputs[i].Name == name)
            {
                return i;
            }
        }

        throw new V2Exception(400, $"Output '{name}' is not an output of the model; it has {string.Join(", ", signature.Outputs.Select(o => $"'{o.Name}'"))}.");
    }
}
