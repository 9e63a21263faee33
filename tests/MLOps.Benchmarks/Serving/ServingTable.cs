using System.Globalization;
using System.Text;
using MLOps.Benchmarks.Inference;

namespace MLOps.Benchmarks.Serving;

/// <summary>The Markdown result of the serving suite: online scenarios with ratios to the raw baseline, then batch scoring.</summary>
public static class ServingTable
{
    public static string Render(BenchmarkArguments arguments, IReadOnlyList<LatencyRun> runs, BatchResult batch)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(batch);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Serving suite: FastTree (experiment pipeline, 2 random trials) on the credit feature set, package and endpoint of the embedded host; {arguments.Requests} requests per scenario (after {Math.Max(10, arguments.Requests / 10)} warm-up), closed loop; {Environment.ProcessorCount} CPUs ({Environment.OSVersion}, .NET {Environment.Version}); client, host, workers and Azurite on the same machine"));
        text.AppendLine();
        text.AppendLine("| Batch | Concurrency | Target | Rows/s | p50 ms | p99 ms | Rows/s vs raw | vs ORT alone |");
        text.AppendLine("|---:|---:|---|---:|---:|---:|---:|---:|");
        foreach (IGrouping<(int Batch, int Concurrency), LatencyRun> scenario in runs.GroupBy(r => (r.Batch, r.Concurrency)))
        {
            LatencyRun baseline = scenario.Single(r => r.Target == ServingSuite.Raw);
            LatencyRun ort = scenario.Single(r => r.Target == ServingSuite.OrtOnly);
            foreach (LatencyRun r in scenario)
            {
                text.AppendLine(Invariant(
                    $"| {r.Batch} | {r.Concurrency} | {r.Target} | {r.RowsPerSecond:F0} | {r.P50:F3} | {r.P99:F3} | {r.RowsPerSecond / baseline.RowsPerSecond:F3}x | {r.RowsPerSecond / ort.RowsPerSecond:F3}x |"));
            }
        }

        text.AppendLine();
        text.AppendLine("| Batch scoring | Rows | Scored / refused | Seconds | Rows/s | vs raw |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        text.AppendLine(Invariant($"| raw: read + encode + in-process ORT, {Environment.ProcessorCount} threads | {batch.Rows:N0} | {batch.RawScored:N0} / {batch.RawRefused:N0} | {batch.Raw.TotalSeconds:F2} | {batch.RawRowsPerSecond:F0} | 1.000x |"));
        text.AppendLine(Invariant($"| POST /api/pipelines/batch-scoring (upload of {batch.Bytes / 1e6:F1} MB, {batch.Upload.TotalSeconds:F1} s, not counted) | {batch.Rows:N0} | {batch.Scored:N0} / {batch.Refused:N0} | {batch.Pipeline.TotalSeconds:F2} | {batch.PipelineRowsPerSecond:F0} | {batch.PipelineRowsPerSecond / batch.RawRowsPerSecond:F3}x |"));
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
