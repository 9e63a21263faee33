using MLOps.Core.Serving.Workers;

namespace MLOps.Benchmarks.Inference;

/// <summary>A worker process over KServe V2 REST (JSON both ways), through the platform's client.</summary>
public sealed class WorkerTarget(string name, InferenceWorkerClient client, string model) : IInferenceTarget
{
    private static readonly InferenceRequestOptions Probability = new() { Outputs = ["Probability.output"] };

    public string Name => name;

    public async Task<float[]> ScoreAsync(ReadOnlyMemory<float> rows, CancellationToken cancellationToken) =>
        (await client.InferAsync(model, null, rows, InferenceSuite.Width, Probability, cancellationToken)).Scores("Probability.output");
}
