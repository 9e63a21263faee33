using System.Globalization;
using System.Text;

namespace MLOps.Benchmarks.Inference;

/// <summary>The Markdown result of the inference suite: every scenario, then the worker against in-process ratios.</summary>
public static class InferenceTable
{
    public static string Render(BenchmarkArguments arguments, string provider, IReadOnlyList<LatencyRun> runs)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(runs);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Inference suite: FastTree 100 trees × 20 leaves on the credit feature set ({InferenceSuite.Width} features); {arguments.Requests} requests per scenario (after {arguments.Requests / 10} warm-up), closed loop; worker provider {provider}; {Environment.ProcessorCount} CPUs ({Environment.OSVersion}, .NET {Environment.Version}); client and workers on the same machine"));
        text.AppendLine();
        text.AppendLine("| Batch | Concurrency | Target | Rows/s | Requests/s | p50 ms | p99 ms |");
        text.AppendLine("|---:|---:|---|---:|---:|---:|---:|");
        foreach (LatencyRun r in runs)
        {
            text.AppendLine(Invariant($"| {r.Batch} | {r.Concurrency} | {r.Target} | {r.RowsPerSecond:F0} | {r.RequestsPerSecond:F0} | {r.P50:F3} | {r.P99:F3} |"));
        }

        text.AppendLine();
        text.AppendLine("| Batch | Concurrency | Target | Throughput vs in-process | p50 vs in-process | p99 vs in-process |");
        text.AppendLine("|---:|---:|---|---:|---:|---:|");
        foreach (IGrouping<(int Batch, int Concurrency), LatencyRun> scenario in runs.GroupBy(r => (r.Batch, r.Concurrency)))
        {
            LatencyRun? baseline = scenario.FirstOrDefault(r => r.Target == InferenceSuite.InProcess);
            if (baseline is null)
            {
                continue;
            }

            foreach (LatencyRun r in scenario.Where(r => r != baseline))
            {
                text.AppendLine(Invariant(
                    $"| {r.Batch} | {r.Concurrency} | {r.Target} | {r.RowsPerSecond / baseline.RowsPerSecond:F3}x | {r.P50 / baseline.P50:F1}x | {r.P99 / baseline.P99:F1}x |"));
            }
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
