namespace MLOps.Benchmarks.Inference;

/// <summary>Something that scores rows: ONNX Runtime in this process, or a worker over V2 REST.</summary>
public interface IInferenceTarget
{
    string Name { get; }

    /// <summary>Scores <paramref name="rows"/> (row-major, <see cref="InferenceSuite.Width"/> wide); returns the positive-class probabilities.</summary>
    Task<float[]> ScoreAsync(ReadOnlyMemory<float> rows, CancellationToken cancellationToken);
}
