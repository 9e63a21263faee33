using System.Diagnostics;
using System.Globalization;
using MLOps.LocalHost.Azurite;

namespace MLOps.Benchmarks.DataPipeline;

/// <summary>
/// The "data" suite: the data engineering pipeline on credit_data.csv and on a generated file of --rows rows with
/// the same columns, each on its own fresh Azurite and host, round-robin over --repeat rounds.
/// </summary>
public static class DataPipelineSuite
{
    private const int Seed = 20_240_601;

    public static async Task<int> RunAsync(BenchmarkArguments arguments, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(progress);
        string credit = Path.Combine(RepositoryRoot.Find(), "shared", "data", "credit_data.csv");
        string generated = Path.Combine(Path.GetTempPath(), $"mlops-bench-{Guid.NewGuid():N}", $"credit_data_{arguments.Rows}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(generated)!);
        try
        {
            var clock = Stopwatch.StartNew();
            await CreditDataGenerator.WriteAsync(credit, generated, arguments.Rows, Seed, cancellationToken);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Generated {arguments.Rows:N0} rows ({new FileInfo(generated).Length:N0} bytes) in {clock.Elapsed.TotalSeconds:F1} s: {generated}"));

            var results = new List<DataRunResult>();
            (string Label, string File)[] files = [("credit_data.csv", credit), ($"generated {arguments.Rows:N0} rows", generated)];
            for (int round = 1; round <= arguments.Repeat && !cancellationToken.IsCancellationRequested; round++)
            {
                await progress.WriteLineAsync($"Round {round}/{arguments.Repeat}");
                for (int i = 0; i < files.Length; i++)
                {
                    // Each file keeps its own ports, so an Azurite slow to let go of its ports is not reused.
                    results.Add(await DataPipelineRunner.RunAsync(files[i].Label, files[i].File, arguments.Port + (10 * i), arguments, progress, cancellationToken));
                }
            }

            string table = DataPipelineTable.Render(arguments, results);
            await Console.Out.WriteAsync(table);
            if (arguments.Out is { } path)
            {
                await File.WriteAllTextAsync(path, table, cancellationToken);
            }

            return results.Any(r => r.Error is not null) ? 1 : 0;
        }
        finally
        {
            BenchmarkRunner.TryDelete(Path.GetDirectoryName(generated)!);
        }
    }
}
