using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using MLOps.LocalHost.Azurite;

namespace MLOps.Benchmarks;

/// <summary>Renders the results as a small Markdown table, with the stock configuration as the baseline.</summary>
public static class ResultTable
{
    public static string Render(BenchmarkArguments arguments, IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(results);
        CultureInfo inv = CultureInfo.InvariantCulture;
        TimeSpan? baseline = results.FirstOrDefault(r => r.Case.Name == "stock")?.Median;
        var text = new StringBuilder();
        text.AppendLine(inv, $"Fan-out/fan-in of {arguments.Activities} no-op activities, {arguments.Repeat} round(s); each round runs " +
            $"every configuration once on a fresh Azurite {AzuriteVersion()} data folder, task hub and host, after a {arguments.Warmup}-activity warm-up.");
        text.AppendLine(inv, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; " +
            $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine();
        text.AppendLine("| Configuration | Wall s (median) | Runs (s) | Activities/s | vs stock | CPU s engine / Azurite (mean) |");
        text.AppendLine("|---|---:|---|---:|---:|---:|");
        foreach (CaseResult result in results)
        {
            string label = $"{result.Case.Name}: {result.Case.Description}";
            if (result.Median is not { } median)
            {
                text.AppendLine(inv, $"| {label} | failed | {result.Error} | | | |");
                continue;
            }

            string runs = string.Join(", ", result.Runs.Select(r => r.Wall.TotalSeconds.ToString("F1", inv)));
            double engineCpu = result.Runs.Average(r => r.Cpu.Engine.TotalSeconds);
            string azuriteCpu = result.Runs.All(r => r.Cpu.Azurite is not null)
                ? result.Runs.Average(r => r.Cpu.Azurite!.Value.TotalSeconds).ToString("F1", inv)
                : "?";
            string ratio = baseline is { } stock ? (stock / median).ToString("F2", inv) + "x" : "n/a";
            if (result.Error is not null)
            {
                runs += $" (then failed: {result.Error})";
            }

            text.AppendLine(inv,
                $"| {label} | {median.TotalSeconds:F1} | {runs} | {arguments.Activities / median.TotalSeconds:F1} | {ratio} | {engineCpu:F1} / {azuriteCpu} |");
        }

        text.AppendLine();
        foreach (CaseResult result in results)
        {
            text.AppendLine(inv, $"- {result.Case.Name}: {result.Case.Settings}");
        }

        return text.ToString();
    }

    internal static string AzuriteVersion()
    {
        try
        {
            string manifest = Path.Combine(RepositoryRoot.Find(), "node_modules", "azurite", "package.json");
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(manifest));
            return json.RootElement.GetProperty("version").GetString() ?? "?";
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or JsonException or KeyNotFoundException)
        {
            return "?";
        }
    }
}
