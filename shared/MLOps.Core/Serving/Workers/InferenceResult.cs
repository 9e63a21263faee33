namespace MLOps.Core.Serving.Workers;

/// <summary>A worker's answer to one inference request: which model version ran, the request id echoed, the outputs.</summary>
public sealed record InferenceResult(string ModelName, string? ModelVersion, string? Id, IReadOnlyList<InferenceOutput> Outputs)
{
    public InferenceOutput Output(string name) =>
        this.Outputs.FirstOrDefault(o => o.Name == name)
        ?? throw new KeyNotFoundException($"The response has no output '{name}'; it has {string.Join(", ", this.Outputs.Select(o => o.Name))}.");

    /// <summary>An FP32 output's values, row-major (one per row for a [n, 1] score).</summary>
    public float[] Scores(string outputName) => this.Output(outputName).ToSingles();
}
