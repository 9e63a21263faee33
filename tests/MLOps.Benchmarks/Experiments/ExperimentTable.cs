using System.Globalization;
using System.Text;

namespace MLOps.Benchmarks.Experiments;

/// <summary>The Markdown result of the experiment suite: every run, then each group's speed-up per round.</summary>
public static class ExperimentTable
{
    public static string Render(BenchmarkArguments arguments, IReadOnlyList<ExperimentRunResult> results)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(results);
        var text = new StringBuilder();
        // The speed-up is bounded by the cores: each trial trains single-threaded (ML.NET NumberOfThreads = 1, for determinism).
        text.AppendLine(Invariant($"Experiment suite: {arguments.Trials} trials per run, folds {ExperimentRunner.Folds}, seed {ExperimentRunner.Seed}, LogisticRegression + FastTree + LightGbm, median stopping off; {Environment.ProcessorCount} CPUs ({Environment.OSVersion}, .NET {Environment.Version})"));
        text.AppendLine();
        text.AppendLine("| Search | Round | Configuration | Wall s | Trials | Trials/min | Best holdout AUC | Best run | CPU s engine / Azurite |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|---|---:|");
        foreach (ExperimentRunResult r in results)
        {
            string wall = r.Wall is { } w ? Invariant($"{w.TotalSeconds:F1}") : $"failed: {r.Error}";
            text.AppendLine(Invariant(
                $"| {r.Case.Group} | {r.Round} | {r.Case.Label} | {wall} | {r.TrialsRun} | {r.TrialsPerMinute:F1} | {r.BestAuc:F6} | {r.BestRunId} | {r.Cpu.Engine.TotalSeconds:F1} / {r.Cpu.Azurite?.TotalSeconds:F1} |"));
        }

        text.AppendLine();
        text.AppendLine("| Search | Round | Speed-up (sequential / fanned out) | Same best AUC |");
        text.AppendLine("|---|---:|---:|---|");
        foreach (IGrouping<(string Group, int Round), ExperimentRunResult> pair in results.GroupBy(r => (r.Case.Group, r.Round)))
        {
            ExperimentRunResult? sequential = pair.FirstOrDefault(r => r.Case.MaxParallel == 1);
            ExperimentRunResult? fanned = pair.FirstOrDefault(r => r.Case.MaxParallel != 1);
            if (sequential?.Wall is { } s && fanned?.Wall is { } f)
            {
                text.AppendLine(Invariant($"| {pair.Key.Group} | {pair.Key.Round} | {s / f:F2}x | {(sequential.BestAuc == fanned.BestAuc ? "yes" : "no")} |"));
            }
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
