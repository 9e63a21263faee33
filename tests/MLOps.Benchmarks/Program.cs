using Microsoft.Extensions.Configuration;
using MLOps.Benchmarks;
using MLOps.Benchmarks.DataPipeline;
using MLOps.Benchmarks.Experiments;
using MLOps.Benchmarks.Inference;
using MLOps.Benchmarks.Serving;
using MLOps.Core.Serving.Workers;
using MLOps.DurableLocal;

// Fan-out/fan-in throughput of the embedded Durable Task engine against Azurite, in three configurations measured
// in one run: DTFx stock settings (the baseline), the tuned defaults, and the tuned defaults with the fan-out split
// into sub-orchestrations. `--suite data` instead times the data engineering pipeline (DataPipeline/), `--suite experiment` hyper-parameter search run sequentially against fanned out (Experiments/), `--suite inference` in-process ONNX Runtime against the ONNX worker's V2 REST inference (Inference/), and `--suite serving` the scoring endpoint and batch scoring against raw encoding + ONNX Runtime (Serving/). Progress and engine warnings go to stderr; the Markdown table goes to stdout (and --out).
if (args.Any(a => a is "-h" or "--help"))
{
    Console.WriteLine(BenchmarkArguments.Usage);
    return 0;
}

BenchmarkArguments arguments;
try
{
    arguments = BenchmarkArguments.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync(BenchmarkArguments.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (arguments.Suite == "data")
{
    try
    {
        return await DataPipelineSuite.RunAsync(arguments, Console.Error, cancel.Token);
    }
    catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
    {
        await Console.Error.WriteLineAsync($"[data] failed: {ex.Message}");
        return 1;
    }
}

if (arguments.Suite == "experiment")
{
    try
    {
        return await ExperimentSuite.RunAsync(arguments, Console.Error, cancel.Token);
    }
    catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
    {
        await Console.Error.WriteLineAsync($"[experiment] failed: {ex.Message}");
        return 1;
    }
}

if (arguments.Suite == "inference")
{
    try
    {
        return await InferenceSuite.RunAsync(arguments, Console.Error, cancel.Token);
    }
    catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException or InferenceWorkerException)
    {
        await Console.Error.WriteLineAsync($"[inference] failed: {ex.Message}");
        return 1;
    }
}

if (arguments.Suite == "serving")
{
    try
    {
        return await ServingSuite.RunAsync(arguments, Console.Error, cancel.Token);
    }
    catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException or InferenceWorkerException or HttpRequestException)
    {
        await Console.Error.WriteLineAsync($"[serving] failed: {ex.Message}");
        return 1;
    }
}

// --set overrides bind onto the tuned options the way the "DurableEngine" section would.
EmbeddedEngineOptions Tuned()
{
    var options = new EmbeddedEngineOptions();
    new ConfigurationBuilder().AddInMemoryCollection(arguments.Set).Build()
        .Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
    return options;
}

BenchmarkCase[] cases;
try
{
    cases =
    [
        // The connection string and task hub are overridden per run.
        new("stock", "DTFx stock settings", EmbeddedEngineOptions.Stock("UseDevelopmentStorage=true", "stock"), Chunked: false),
        new("tuned", arguments.Set.Count == 0 ? "tuned defaults" : "tuned, with --set", Tuned(), Chunked: false),
        new("chunked", $"tuned, {arguments.Chunks} sub-orchestrations", Tuned(), Chunked: true),
    ];
}
catch (InvalidOperationException ex)
{
    // An unknown knob or a value of the wrong type in --set.
    await Console.Error.WriteLineAsync($"--set: {ex.Message}");
    return 2;
}

// Round-robin: each round runs every configuration once, so load from elsewhere on the machine spreads over all of
// them instead of landing on one. Each configuration keeps its own ports, so one Azurite slow to let go of its
// ports cannot be reused by the next.
BenchmarkCase[] selected = cases.Where(c => arguments.Only.Count == 0 || arguments.Only.Contains(c.Name)).ToArray();
var runs = selected.ToDictionary(c => c, _ => new List<RunResult>());
var errors = new Dictionary<BenchmarkCase, string>();
for (int round = 1; round <= arguments.Repeat && !cancel.IsCancellationRequested; round++)
{
    await Console.Error.WriteLineAsync($"Round {round}/{arguments.Repeat}");
    foreach (BenchmarkCase benchmark in selected.Where(c => !errors.ContainsKey(c)))
    {
        try
        {
            int port = arguments.Port + (10 * Array.IndexOf(cases, benchmark));
            runs[benchmark].Add(await BenchmarkRunner.RunAsync(benchmark, port, arguments, Console.Error, cancel.Token));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"[{benchmark.Name}] failed: {ex.Message}");
            errors[benchmark] = ex.Message;
        }
    }
}

List<CaseResult> results = selected.Select(c => new CaseResult(c, runs[c], errors.GetValueOrDefault(c))).ToList();
string table = ResultTable.Render(arguments, results);
Console.Out.Write(table);
if (arguments.Out is { } path)
{
    await File.WriteAllTextAsync(path, table);
}

return results.Any(r => r.Error is not null) ? 1 : 0;
