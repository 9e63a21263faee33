using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MLOps.Core.DataEngineering;
using MLOps.Core.Landing;
using MLOps.Core.Projects;
using MLOps.Core.Storage;
using MLOps.LocalHost;
using MLOps.LocalHost.Azurite;
using MLOps.Triggers.Landing;

namespace MLOps.Benchmarks.DataPipeline;

/// <summary>
/// Runs the data engineering pipeline on one file in isolation: a private Azurite with a fresh data folder, the
/// embedded host built by <see cref="LocalHostBuilder"/> (the real composition root), a project registered through
/// the Requirements pipeline with the credit-scoring spec, then the file landed and its pipeline followed stage by stage.
/// </summary>
public static class DataPipelineRunner
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<DataRunResult> RunAsync(
        string label, string file, int portBase, BenchmarkArguments arguments, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(progress);
        string location = Path.Combine(Path.GetTempPath(), $"mlops-bench-data-{Guid.NewGuid():N}");
        var azuriteOptions = new AzuriteOptions { Location = location, BlobPort = portBase, QueuePort = portBase + 1, TablePort = portBase + 2 };
        await BenchmarkRunner.EnsurePortsFreeAsync(azuriteOptions);
        try
        {
            // In-process parse of the same file from local disk: the baseline the pipeline is a multiple of.
            (TimeSpan baseline, long rows) = await CsvParseBaseline.MeasureAsync(file, cancellationToken);
            await progress.WriteLineAsync(Invariant($"[{label}] baseline: parsed {rows:N0} rows in {baseline.TotalSeconds:F2} s"));

            await using AzuriteProcess azurite = await AzuriteProcess.EnsureRunningAsync(azuriteOptions, cancellationToken);
            await using WebApplication app = BuildHost(azurite.ConnectionString);
            await app.StartAsync(cancellationToken);
            try
            {
                DurableTaskClient client = app.Services.GetRequiredService<DurableTaskClient>();
                BlobServiceClient blobs = app.Services.GetRequiredService<BlobServiceClient>();
                string project = $"bench-{Guid.NewGuid().ToString("N")[..8]}";

                var clock = Stopwatch.StartNew();
                await RegisterAsync(app.Services, client, blobs, project, arguments.Timeout, cancellationToken);
                TimeSpan register = clock.Elapsed;
                await progress.WriteLineAsync(Invariant($"[{label}] registered {project} in {register.TotalSeconds:F1} s"));

                BlobContainerClient landing = blobs.GetBlobContainerClient(BlobContainers.Landing);
                await landing.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                BlobClient blob = landing.GetBlobClient($"{project}/{Path.GetFileName(file)}");
                clock.Restart();
                BlobContentInfo uploaded = (await blob.UploadAsync(file, overwrite: true, cancellationToken)).Value;
                TimeSpan upload = clock.Elapsed;
                long bytes = new FileInfo(file).Length;
                await progress.WriteLineAsync(Invariant($"[{label}] landed {bytes:N0} bytes in {upload.TotalSeconds:F1} s"));

                // The same call the LandingWatcher makes for a new blob (disabled here, so its polling adds no delay).
                var landed = new LandingBlob(BlobContainers.Landing, blob.Name, uploaded.ETag.ToString(), bytes);
                var marks = new List<StageMark>();
                CpuTime cpu = CpuTime.Now();
                clock.Restart();
                LandingOutcome outcome = await app.Services.GetRequiredService<LandingTrigger>()
                    .OnBlobCreatedAsync(landed, client, "benchmark", cancellationToken: cancellationToken);
                if (outcome.Start is null)
                {
                    throw new InvalidOperationException($"The landed blob was refused: {string.Join("; ", outcome.Problems)}");
                }

                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(arguments.Timeout);
                OrchestrationMetadata final;
                try
                {
                    final = await StageTimeline.FollowAsync(client, landed.PipelineInstanceId(), clock, PollInterval, marks,
                        // Live, so a long run shows where it is.
                        m => progress.WriteLine(Invariant($"[{label}]   {m.Stage} at {m.SeenAt.TotalSeconds:F1} s")),
                        deadline.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return new DataRunResult(label, rows, bytes, baseline, register, upload, null, marks, CpuTime.Now() - cpu, null,
                        Invariant($"timed out after {arguments.Timeout.TotalMinutes} min in stage {marks.LastOrDefault()?.Stage ?? "?"}"));
                }

                TimeSpan pipeline = clock.Elapsed;
                cpu = CpuTime.Now() - cpu;
                await progress.WriteLineAsync(Invariant($"[{label}] pipeline ended {final.RuntimeStatus} after {pipeline.TotalSeconds:F1} s: ") +
                    string.Join(", ", marks.Select(m => Invariant($"{m.Stage}@{m.SeenAt.TotalSeconds:F1}"))));
                return final.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                    ? new DataRunResult(label, rows, bytes, baseline, register, upload, pipeline, marks, cpu, final.ReadOutputAs<DataEngineeringReport>(), null)
                    : new DataRunResult(label, rows, bytes, baseline, register, upload, null, marks, cpu, null,
                        $"ended {final.RuntimeStatus}: {final.FailureDetails?.ErrorMessage}");
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

    internal static WebApplication BuildHost(string connectionString) =>
        LocalHostBuilder.Build([], connectionString, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DurableEngine:TaskHubName"] = "benchdata" + Guid.NewGuid().ToString("N")[..12],
                ["LandingWatcher:Enabled"] = "false",
                ["Logging:LogLevel:MLOps"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            });
            // Stdout carries the table, so every log line goes to stderr; port 0 keeps clear of anything running.
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });

    /// <summary>What <c>POST /api/projects/{project}/spec?sample=...</c> does: save the submission, run Requirements.</summary>
    internal static async Task RegisterAsync(
        IServiceProvider services, DurableTaskClient client, BlobServiceClient blobs, string project, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string root = RepositoryRoot.Find();
        BlobContainerClient samples = blobs.GetBlobContainerClient(BlobContainers.Samples);
        await samples.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        string sample = $"{project}/credit_data.csv";
        await samples.GetBlobClient(sample).UploadAsync(Path.Combine(root, "shared", "data", "credit_data.csv"), overwrite: true, cancellationToken);

        var spec = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "shared", "specs", "credit-scoring.json"), cancellationToken))!.AsObject();
        spec.Remove("$schema");
        spec["name"] = project;
        string submission = await services.GetRequiredService<ProjectRegistry>().SaveSubmissionAsync(project, spec.ToJsonString(), SpecFormat.Json, cancellationToken);
        string instanceId = await client.ScheduleNewOrchestrationInstanceAsync(
            "RequirementsOrchestrator", new RequirementsRequest(project, submission, BlobContainers.Samples, sample, "benchmark"), cancellationToken);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        OrchestrationMetadata done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"Registering {project} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
