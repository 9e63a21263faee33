namespace MLOps.Core.Serving.Workers;

/// <summary>What an inference asks besides the rows: the model's input name, the outputs wanted, a request id.</summary>
public sealed record InferenceRequestOptions
{
    public static readonly InferenceRequestOptions Default = new();

    /// <summary>The model's one input; the platform's ONNX export names it "Features" (OnnxModelExporter.InputName).</summary>
    public string InputName { get; init; } = WorkerProtocol.DefaultInputName;

    /// <summary>The outputs to return; null for all of the model's outputs.</summary>
    public IReadOnlyList<string>? Outputs { get; init; }

    /// <summary>Echoed by the worker as the response's id.</summary>
    public string? Id { get; init; }
}
