using MLOps.Core.DataEngineering;

namespace MLOps.Benchmarks.DataPipeline;

/// <summary>One landed file measured end to end, with its baseline from the same run.</summary>
public sealed record DataRunResult(
    string Label,
    long Rows,
    long Bytes,
    TimeSpan Baseline,
    TimeSpan Register,
    TimeSpan Upload,
    TimeSpan? Pipeline,
    IReadOnlyList<StageMark> Marks,
    CpuTime Cpu,
    DataEngineeringReport? Report,
    string? Error)
{
    /// <summary>Each stage's time: from when it was first seen to when the next one was (or the run ended).</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes()
    {
        TimeSpan end = this.Pipeline ?? (this.Marks.Count > 0 ? this.Marks[^1].SeenAt : TimeSpan.Zero);
        return this.Marks
            .Where(m => m.Stage != "completed")
            .Select((m, i) => (m.Stage, (i + 1 < this.Marks.Count ? this.Marks[i + 1].SeenAt : end) - m.SeenAt))
            .ToArray();
    }
}
