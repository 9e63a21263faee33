namespace MLOps.Benchmarks.Serving;

/// <summary>Batch scoring of one generated file: the raw baseline and the platform's pipeline, on the same rows.</summary>
public sealed record BatchResult(long Rows, long Bytes, TimeSpan Raw, long RawScored, long RawRefused, TimeSpan Upload, TimeSpan Pipeline, long Scored, long Refused)
{
    public double RawRowsPerSecond => this.Rows / this.Raw.TotalSeconds;

    public double PipelineRowsPerSecond => this.Rows / this.Pipeline.TotalSeconds;
}
