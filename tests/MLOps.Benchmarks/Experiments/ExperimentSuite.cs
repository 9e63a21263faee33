using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Benchmarks.DataPipeline;
using MLOps.Core.Experiments;
using MLOps.LocalHost.Azurite;

namespace MLOps.Benchmarks.Experiments;

/// <summary>
/// The "experiment" suite: --trials trials of hyper-parameter search run one after another (maxParallel 1) and
/// fanned out (maxParallel --parallel), on one Azurite and host prepared once with the credit feature set.
/// "random" (Random × trials) proposes the same trials whatever the batch size, so it is the like-for-like
/// comparison; "mix" (a quarter per strategy) shows the adaptive strategies, whose proposals depend on batches.
/// </summary>
public static class ExperimentSuite
{
    public static async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(progress);
        string[] groups = ["random", "mix"];
        string[] selected = groups.Where(g => arguments.Only.Count == 0 || arguments.Only.Contains(g)).ToArray();
        string location = Path.Combine(Path.GetTempPath(), $"mlops-bench-exp-{Guid.NewGuid():N}");
        var azuriteOptions = new AzuriteOptions { Location = location, BlobPort = arguments.Port, QueuePort = arguments.Port + 1, TablePort = arguments.Port + 2 };
        await BenchmarkRunner.EnsurePortsFreeAsync(azuriteOptions);
        try
        {
            await using AzuriteProcess azurite = await AzuriteProcess.EnsureRunningAsync(azuriteOptions, cancellationToken);
            await using WebApplication app = DataPipelineRunner.BuildHost(azurite.ConnectionString);
            await app.StartAsync(cancellationToken);
            try
            {
                string project = await CreditFeatureSet.PrepareAsync(app, arguments.Timeout, cancellationToken);
                await progress.WriteLineAsync($"Prepared {project}: registered, credit_data.csv landed, feature-set version 1");
                DurableTaskClient client = app.Services.GetRequiredService<DurableTaskClient>();
                var results = new List<ExperimentRunResult>();
                for (int round = 1; round <= arguments.Repeat && !cancellationToken.IsCancellationRequested; round++)
                {
                    foreach (string group in selected)
                    {
                        IReadOnlyList<SearchStage> search = Search(group, arguments.Trials);
                        ExperimentCase[] pair = [new(group, search, 1), new(group, search, arguments.Parallel)];
                        // Alternate which goes first, so a warming host or a burst of load elsewhere does not always
                        // land on the same configuration.
                        foreach (ExperimentCase experiment in round % 2 == 1 ? pair : pair.Reverse())
                        {
                            await progress.WriteLineAsync($"Round {round}: {group} {experiment.Label}, {experiment.Trials} trials");
                            ExperimentRunResult result = await ExperimentRunner.RunAsync(client, project, experiment, round, arguments.Timeout, cancellationToken);
                            await progress.WriteLineAsync(result.Error ?? string.Create(CultureInfo.InvariantCulture,
                                $"  {result.Wall!.Value.TotalSeconds:F1} s, {result.TrialsRun} trials, best {result.BestRunId} holdout AUC {result.BestAuc:F6}"));
                            results.Add(result);
                        }
                    }
                }

                string table = ExperimentTable.Render(arguments, results);
                await Console.Out.WriteAsync(table);
                if (arguments.Out is { } path)
                {
                    await File.WriteAllTextAsync(path, table, cancellationToken);
                }

                return results.Any(r => r.Error is not null) ? 1 : 0;
            }
            finally
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await app.StopAsync(stopping.Token);
            }
        }
        finally
        {
            BenchmarkRunner.TryDelete(location);
        }
    }

    /// <summary>"random": all trials Random. "mix": a quarter per strategy, the remainder to the last.</summary>
    private static SearchStage[] Search(string group, int trials)
    {
        if (group == "random")
        {
            return [new(SearchStrategyKind.Random, trials)];
        }

        SearchStrategyKind[] kinds = [SearchStrategyKind.Grid, SearchStrategyKind.Random, SearchStrategyKind.Bayesian, SearchStrategyKind.Genetic];
        int each = trials / kinds.Length;
        return kinds.Select((k, i) => new SearchStage(k, i == kinds.Length - 1 ? trials - (each * (kinds.Length - 1)) : each))
            .Where(s => s.Trials > 0).ToArray();
    }
}
