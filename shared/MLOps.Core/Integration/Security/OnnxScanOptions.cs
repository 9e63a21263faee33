namespace MLOps.Core.Integration.Security;

/// <summary>
/// What the ONNX security scan accepts. The defaults admit what the platform's ML.NET export writes and what its
/// ONNX Runtime executes, and nothing else: operators of the standard domains only, and opsets inside a vetted range.
/// </summary>
public sealed record OnnxScanOptions
{
    /// <summary>
    /// 100 MiB: the platform's tabular models are kilobytes to a few megabytes; a larger file is not one of ours,
    /// and protobuf itself cannot exceed 2 GiB, which is why real giants move their weights to external data.
    /// </summary>
    public long MaxBytes { get; init; } = 100L << 20;

    /// <summary>
    /// Nested messages (graphs inside If/Loop attributes, tensors inside attributes) the reader follows before it
    /// calls the file malformed; a real model nests a handful deep, a hostile one nests to exhaust the stack.
    /// </summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Operator domains a node may use; "" and "ai.onnx" are both the standard operator set.</summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = ["", "ai.onnx", "ai.onnx.ml"];

    /// <summary>
    /// 7: the oldest ai.onnx opset ONNX Runtime still guarantees to run (its compatibility table starts there).
    /// 21: the opset of ONNX 1.16, the newest the platform has exported and served together; a model claiming a later
    /// opset was made by a tool the platform has not vetted. Raise it when the worker's runtime is upgraded and tested.
    /// </summary>
    public long MinOnnxOpset { get; init; } = 7;

    public long MaxOnnxOpset { get; init; } = 21;

    /// <summary>ai.onnx.ml opsets 1 to 5 (5 is the ai.onnx.ml version of ONNX 1.16, matching <see cref="MaxOnnxOpset"/>).</summary>
    public long MinOnnxMlOpset { get; init; } = 1;

    public long MaxOnnxMlOpset { get; init; } = 5;

    /// <summary>The problems of these options, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        List<string> problems = [];
        if (this.MaxBytes <= 0)
        {
            problems.Add($"Onnx.MaxBytes must be positive, not {this.MaxBytes}.");
        }

        if (this.MaxDepth < 4)
        {
            problems.Add($"Onnx.MaxDepth must be at least 4 (model, graph, node, attribute), not {this.MaxDepth}.");
        }

        if (this.MinOnnxOpset < 1 || this.MinOnnxOpset > this.MaxOnnxOpset)
        {
            problems.Add($"Onnx opset range {this.MinOnnxOpset}..{this.MaxOnnxOpset} is empty or starts below 1.");
        }

        if (this.MinOnnxMlOpset < 1 || this.MinOnnxMlOpset > this.MaxOnnxMlOpset)
        {
            problems.Add($"Onnx ML opset range {this.MinOnnxMlOpset}..{this.MaxOnnxMlOpset} is empty or starts below 1.");
        }

        return problems;
    }
}
