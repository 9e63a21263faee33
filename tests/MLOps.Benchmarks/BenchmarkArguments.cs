using System.Globalization;

namespace MLOps.Benchmarks;

/// <summary>The command line: <c>--suite fanout|data|experiment|inference|serving --requests N --rows N --trials N --parallel P --activities N --repeat R --chunks C --warmup W --port P --timeout MIN --only a,b --out PATH --set Knob=Value</c>.</summary>
public sealed record BenchmarkArguments
{
    /// <summary>Which benchmark: "fanout" (no-op activities, engine configurations), "data" (the data engineering pipeline) or "experiment" (hyper-parameter search, sequential against fanned out).</summary>
    public string Suite { get; init; } = "fanout";

    /// <summary>Rows of the generated credit file of the "data" suite and of the "serving" suite's batch scoring.</summary>
    public int Rows { get; init; } = 1_000_000;

    /// <summary>Trials of each experiment of the "experiment" suite.</summary>
    public int Trials { get; init; } = 32;

    /// <summary>maxParallel of the fanned-out experiment; the sequential one uses 1.</summary>
    public int Parallel { get; init; } = 8;

    /// <summary>Requests per scenario of the "inference" and "serving" suites.</summary>
    public int Requests { get; init; } = 2000;

    public int Activities { get; init; } = 1000;

    public int Repeat { get; init; } = 1;

    public int Chunks { get; init; } = 10;

    public int Warmup { get; init; } = 20;

    /// <summary>First Azurite port; configuration i uses blob/queue/table on Port + 10i, +1, +2.</summary>
    public int Port { get; init; } = 20000;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Configurations to run (stock, tuned, chunked; for "experiment": random, mix); empty runs all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public string? Out { get; init; }

    /// <summary>EmbeddedEngineOptions overrides (Name=Value) for the tuned configurations, to explore knobs.</summary>
    public IReadOnlyDictionary<string, string?> Set { get; init; } = new Dictionary<string, string?>();

    public const string Usage =
        "usage: dotnet run -c Release --project tests/MLOps.Benchmarks -- [--suite fanout|data|experiment|inference|serving] [--requests 2000] [--rows 1000000] [--trials 32] [--parallel 8] [--activities 1000] [--repeat 1] [--chunks 10] " +
        "[--warmup 20] [--port 20000] [--timeout 30] [--only stock,tuned,chunked] [--out results.md] [--set Knob=Value ...]";

    public static BenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        var result = new BenchmarkArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Positive() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0
                ? n
                : throw new ArgumentException($"{name} needs a positive integer.");

            result = name.ToLowerInvariant() switch
            {
                "--suite" => result with { Suite = ParseSuite(Value()) },
                "--rows" => result with { Rows = Positive() },
                "--requests" => result with { Requests = Positive() },
                "--trials" => result with { Trials = Positive() },
                "--parallel" => result with { Parallel = Positive() },
                "--activities" => result with { Activities = Positive() },
                "--repeat" => result with { Repeat = Positive() },
                "--chunks" => result with { Chunks = Positive() },
                "--warmup" => result with { Warmup = Positive() },
                "--port" => result with { Port = Positive() },
                "--timeout" => result with { Timeout = TimeSpan.FromMinutes(Positive()) },
                "--only" => result with
                {
                    Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .ToHashSet(StringComparer.OrdinalIgnoreCase),
                },
                "--out" => result with { Out = Value() },
                "--set" => result with { Set = WithSetting(result.Set, Value()) },
                _ => throw new ArgumentException($"Unknown argument '{name}'."),
            };
        }

        return result;
    }

    private static string ParseSuite(string name) => name.ToLowerInvariant() is "fanout" or "data" or "experiment" or "inference" or "serving"
        ? name.ToLowerInvariant()
        : throw new ArgumentException($"--suite is fanout, data, experiment, inference or serving, not '{name}'.");

    private static Dictionary<string, string?> WithSetting(IReadOnlyDictionary<string, string?> settings, string assignment)
    {
        int equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--set needs Knob=Value, not '{assignment}'.");
        }

        return new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase)
        {
            [assignment[..equals]] = assignment[(equals + 1)..],
        };
    }
}
