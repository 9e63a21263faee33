using Microsoft.ML.OnnxRuntime;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Benchmarks.Serving;

/// <summary>
/// The raw baseline: the package's own <see cref="RawRecordEncoder"/> and its model.onnx run by ONNX Runtime in this
/// process (the plain OrtValue API, the worker's session settings), so the platform's overhead is what is left.
/// Thread-safe: the encoder cleans with its own runs per call and <c>Run</c> may be called concurrently.
/// </summary>
public sealed class RawScorer : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly string[] inputNames;
    private readonly string[] outputNames;

    public RawScorer(ScoringPackage package, byte[] onnx)
    {
        ArgumentNullException.ThrowIfNull(package);
        this.Encoder = package.Encoder;
        this.Width = package.Width;
        this.inputNames = [package.InputName];
        this.outputNames = [package.ScoreOutput];
        using var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Clamp(Environment.ProcessorCount, 1, 4),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        this.session = new InferenceSession(onnx, options);
    }

    public RawRecordEncoder Encoder { get; }

    public int Width { get; }

    /// <summary>Encodes the records (every one must encode: the benchmark's records are valid) into model rows.</summary>
    public float[] Encode(IReadOnlyList<IReadOnlyDictionary<string, string?>> records)
    {
        IReadOnlyList<EncodedRecord> encoded = this.Encoder.Encode(records);
        float[] rows = new float[encoded.Count * this.Width];
        for (int r = 0; r < encoded.Count; r++)
        {
            IReadOnlyList<float> values = encoded[r].Values
                ?? throw new InvalidOperationException($"Record {r} was refused: {string.Join("; ", encoded[r].Problems.Select(p => p.Detail))}");
            for (int c = 0; c < this.Width; c++)
            {
                rows[(r * this.Width) + c] = values[c];
            }
        }

        return rows;
    }

    /// <summary>The score output for <paramref name="rows"/> (row-major, <see cref="Width"/> wide).</summary>
    public float[] Score(float[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(rows, [rows.Length / this.Width, this.Width]);
        using IDisposableReadOnlyCollection<OrtValue> outputs = this.session.Run(this.runOptions, this.inputNames, [input], this.outputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public float[] EncodeAndScore(IReadOnlyList<IReadOnlyDictionary<string, string?>> records) => this.Score(this.Encode(records));

    public void Dispose()
    {
        this.runOptions.Dispose();
        this.session.Dispose();
    }
}
