using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MLOps.Activities.Diagnostics;
using MLOps.DurableLocal;
using MLOps.LocalHost.Azurite;
using MLOps.Orchestrations;

namespace MLOps.Benchmarks;

/// <summary>What one configuration measured over all rounds: its timed runs, or why it stopped.</summary>
public sealed record CaseResult(BenchmarkCase Case, IReadOnlyList<RunResult> Runs, string? Error)
{
    /// <summary>The median wall time: robust to one run that a busy neighbour slowed down.</summary>
    public TimeSpan? Median
    {
        get
        {
            if (this.Runs.Count == 0)
            {
                return null;
            }

            TimeSpan[] sorted = this.Runs.Select(r => r.Wall).Order().ToArray();
            return sorted.Length % 2 == 1
                ? sorted[sorted.Length / 2]
                : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}

/// <summary>One timed run: the warm-up before it, wall time from scheduling to completion, and the CPU it took.</summary>
public sealed record RunResult(TimeSpan Warmup, TimeSpan Wall, CpuTime Cpu);

/// <summary>
/// Runs one round of one <see cref="BenchmarkCase"/> in isolation: its own Azurite with a fresh data folder (Azurite
/// slows down as data accumulates), its own task hub and its own Generic Host with the embedded engine, a warm-up,
/// then one timed fan-out.
/// </summary>
public static class BenchmarkRunner
{
    public static async Task<RunResult> RunAsync(
        BenchmarkCase benchmark, int portBase, BenchmarkArguments arguments, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(progress);
        string location = Path.Combine(Path.GetTempPath(), $"mlops-bench-{benchmark.Name}-{Guid.NewGuid():N}");
        var azuriteOptions = new AzuriteOptions
        {
            Location = location,
            BlobPort = portBase,
            QueuePort = portBase + 1,
            TablePort = portBase + 2,
        };
        await EnsurePortsFreeAsync(azuriteOptions);
        try
        {
            await using AzuriteProcess azurite = await AzuriteProcess.EnsureRunningAsync(azuriteOptions, cancellationToken);
            string taskHub = $"bench{benchmark.Name}{Guid.NewGuid():N}"[..24];
            using IHost host = BuildHost(benchmark, azurite.ConnectionString, taskHub);
            await host.StartAsync(cancellationToken);
            try
            {
                DurableTaskClient client = host.Services.GetRequiredService<DurableTaskClient>();
                (TimeSpan warmup, _) = await MeasureAsync(client, benchmark, arguments.Warmup, arguments, cancellationToken);
                (TimeSpan wall, CpuTime cpu) = await MeasureAsync(client, benchmark, arguments.Activities, arguments, cancellationToken);
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{benchmark.Name}] hub {taskHub}: warm-up {warmup.TotalSeconds:F1} s; {arguments.Activities} activities in " +
                    $"{wall.TotalSeconds:F1} s ({arguments.Activities / wall.TotalSeconds:F1}/s); CPU engine {cpu.Engine.TotalSeconds:F1} s, " +
                    $"Azurite {cpu.Azurite?.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) ?? "?"} s"));
                return new RunResult(warmup, wall, cpu);
            }
            finally
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await host.StopAsync(stopping.Token);
            }
        }
        finally
        {
            TryDelete(location);
        }
    }

    private static IHost BuildHost(BenchmarkCase benchmark, string connectionString, string taskHub)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(benchmark.ToConfiguration(connectionString, taskHub));
        // Warnings only, to stderr: stdout carries the table.
        builder.Services.AddLogging(logging => logging
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddEmbeddedDurableEngine(
            tasks => tasks
                .AddOrchestrator<FanOutOrchestrator>()
                .AddOrchestrator<ChunkedFanOutOrchestrator>()
                .AddActivity<EchoActivity>(),
            PlatformDataConverter.Instance);
        return builder.Build();
    }

    /// <summary>Wall time from scheduling the orchestration to seeing it completed through the client.</summary>
    private static async Task<(TimeSpan Wall, CpuTime Cpu)> MeasureAsync(
        DurableTaskClient client, BenchmarkCase benchmark, int activities, BenchmarkArguments arguments, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(arguments.Timeout);
        CpuTime cpu = CpuTime.Now();
        var clock = Stopwatch.StartNew();
        string instanceId = benchmark.Chunked
            ? await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(ChunkedFanOutOrchestrator), new ChunkedFanOut(activities, arguments.Chunks), deadline.Token)
            : await client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), activities, deadline.Token);
        OrchestrationMetadata metadata;
        try
        {
            metadata = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{activities} activities did not complete within {arguments.Timeout.TotalMinutes} min.");
        }

        clock.Stop();
        cpu = CpuTime.Now() - cpu;
        if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException(
                $"Instance {instanceId} ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
        }

        int sum = metadata.ReadOutputAs<int>();
        return sum == activities
            ? (clock.Elapsed, cpu)
            : throw new InvalidOperationException($"Instance {instanceId} fanned in {sum} results instead of {activities}.");
    }

    /// <summary>AzuriteProcess reuses whatever listens on its ports, which would be neither fresh nor ours.</summary>
    internal static async Task EnsurePortsFreeAsync(AzuriteOptions options)
    {
        foreach (int port in new[] { options.BlobPort, options.QueuePort, options.TablePort })
        {
            if (await IsListeningAsync(port))
            {
                throw new InvalidOperationException($"Port {port} is already in use; pick others with --port.");
            }
        }
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient(AddressFamily.InterNetwork);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, deadline.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    internal static void TryDelete(string location)
    {
        try
        {
            if (Directory.Exists(location))
            {
                Directory.Delete(location, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
