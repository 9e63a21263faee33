using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace MLOps.Benchmarks.DataPipeline;

/// <summary>Renders the data suite as Markdown: totals against the parse baseline, then time per stage.</summary>
public static class DataPipelineTable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(BenchmarkArguments arguments, IReadOnlyList<DataRunResult> results)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        text.AppendLine(Inv, $"Data engineering pipeline on the embedded engine, {arguments.Repeat} round(s); each file runs on a fresh Azurite " +
            $"{ResultTable.AzuriteVersion()} data folder, task hub and host, registered through the Requirements pipeline with the credit-scoring spec.");
        text.AppendLine(Inv, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; " +
            $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. Baseline: CsvRecordReader parsing the same file from local disk in-process, same run.");
        text.AppendLine();
        text.AppendLine("| File | Rows | MB | Baseline parse s | Pipeline s | Pipeline / baseline | Rows/s pipeline | Rows/s baseline | CPU s engine / Azurite | Upload s | Register s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (DataRunResult r in results)
        {
            string pipeline = r.Pipeline is { } p ? p.TotalSeconds.ToString("F1", Inv) : $"failed: {r.Error}";
            string ratio = r.Pipeline is { } q ? (q / r.Baseline).ToString("F0", Inv) + "x" : string.Empty;
            string rate = r.Pipeline is { } t ? (r.Rows / t.TotalSeconds).ToString("N0", Inv) : string.Empty;
            string azurite = r.Cpu.Azurite?.TotalSeconds.ToString("F1", Inv) ?? "?";
            text.AppendLine(Inv,
                $"| {r.Label} | {r.Rows:N0} | {r.Bytes / 1e6:F1} | {r.Baseline.TotalSeconds:F2} | {pipeline} | {ratio} | {rate} | " +
                $"{r.Rows / r.Baseline.TotalSeconds:N0} | {r.Cpu.Engine.TotalSeconds:F1} / {azurite} | {r.Upload.TotalSeconds:F1} | {r.Register.TotalSeconds:F1} |");
        }

        text.AppendLine();
        text.AppendLine("Per stage, seconds (share of the pipeline), from polling the orchestrator's PipelineProgress status every 50 ms:");
        text.AppendLine();
        text.Append("| Stage |");
        foreach (DataRunResult r in results)
        {
            text.Append(Inv, $" {r.Label} |");
        }

        text.AppendLine();
        text.AppendLine("|---|" + string.Concat(results.Select(_ => "---:|")));
        string[] stages = ["(start to ingest seen)", .. results.SelectMany(r => r.StageTimes().Select(s => s.Stage)).Distinct()];
        foreach (string stage in stages)
        {
            text.Append(Inv, $"| {stage} |");
            foreach (DataRunResult r in results)
            {
                TimeSpan? time = stage == stages[0]
                    ? (r.Marks.Count > 0 ? r.Marks[0].SeenAt : null)
                    : r.StageTimes().Where(s => s.Stage == stage).Select(s => (TimeSpan?)s.Time).FirstOrDefault();
                TimeSpan total = r.Pipeline ?? (r.Marks.Count > 0 ? r.Marks[^1].SeenAt : TimeSpan.Zero);
                text.Append(time is { } t && total > TimeSpan.Zero
                    ? string.Create(Inv, $" {t.TotalSeconds:F2} ({t / total:P0}) |")
                    : " |");
            }

            text.AppendLine();
        }

        text.AppendLine();
        foreach (DataRunResult r in results.Where(r => r.Report is not null))
        {
            var report = r.Report!;
            text.AppendLine(Inv,
                $"- {r.Label}: profiled as {report.Ingested.Chunks} chunk(s) x {report.Ingested.ColumnGroups.Count} column group(s); " +
                $"feature set v{report.FeatureSet.Version.Version}; online store wrote {report.Online.Written:N0} of {report.Online.Rows:N0} rows; " +
                $"consistency matched {report.Consistency.Matched} of {report.Consistency.Sampled} sampled.");
        }

        return text.ToString();
    }
}
