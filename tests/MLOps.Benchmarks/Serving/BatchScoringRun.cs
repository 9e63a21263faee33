using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Benchmarks.DataPipeline;
using MLOps.Core.Packaging;
using MLOps.Core.Serving.Batch;
using MLOps.Core.Storage;
using MLOps.LocalHost.Azurite;

namespace MLOps.Benchmarks.Serving;

/// <summary>
/// Batch scoring of <c>--rows</c> generated credit records (<see cref="CreditDataGenerator"/>): the raw baseline reads
/// the file from local disk and encodes and scores it in this process on every core (requests of 1,000 rows, as the
/// pipeline's); the platform's run is <c>POST /api/pipelines/batch-scoring</c> on the file landed in Azurite, timed
/// from the POST until the client sees it completed. Both must count the same scored and refused records.
/// </summary>
public static class BatchScoringRun
{
    private const int RequestRows = 1000;

    public static async Task<BatchResult> RunAsync(
        WebApplication app, HttpClient http, ServingDeployment deployment, RawScorer raw, BenchmarkArguments arguments, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(progress);
        string file = Path.Combine(Path.GetTempPath(), $"mlops-bench-batch-{Guid.NewGuid():N}.csv");
        try
        {
            await CreditDataGenerator.WriteAsync(Path.Combine(RepositoryRoot.Find(), "shared", "data", "credit_data.csv"), file, arguments.Rows, seed: 7, cancellationToken);
            long bytes = new FileInfo(file).Length;
            (TimeSpan rawTime, long rawScored, long rawRefused) = await RawAsync(raw, file, cancellationToken);
            await progress.WriteLineAsync(Invariant($"[batch] raw: {arguments.Rows:N0} rows in {rawTime.TotalSeconds:F2} s ({rawScored:N0} scored, {rawRefused:N0} refused)"));

            BlobContainerClient landing = app.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(BlobContainers.Landing);
            string blob = $"{deployment.Project}/batch-{arguments.Rows}.csv";
            var clock = Stopwatch.StartNew();
            await landing.GetBlobClient(blob).UploadAsync(file, overwrite: true, cancellationToken);
            TimeSpan upload = clock.Elapsed;

            clock.Restart();
            using HttpResponseMessage started = await http.PostAsJsonAsync(
                "api/pipelines/batch-scoring", new { project = deployment.Project, endpoint = deployment.Endpoint, input = $"{BlobContainers.Landing}/{blob}" }, cancellationToken);
            string id = await ServingDeployment.InstanceIdAsync(started, cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(arguments.Timeout);
            OrchestrationMetadata done = await app.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, deadline.Token);
            TimeSpan pipeline = clock.Elapsed;
            BatchScoringReport report = done.RuntimeStatus == OrchestrationRuntimeStatus.Completed && done.ReadOutputAs<BatchScoringReport>() is { } r
                ? r
                : throw new InvalidOperationException($"Batch scoring ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
            await progress.WriteLineAsync(Invariant($"[batch] pipeline: {report.Rows:N0} rows in {pipeline.TotalSeconds:F2} s ({report.Scored:N0} scored, {report.Refused:N0} refused)"));
            if ((report.Scored, report.Refused) != (rawScored, rawRefused))
            {
                throw new InvalidOperationException($"The pipeline scored {report.Scored} and refused {report.Refused}; the raw baseline {rawScored} and {rawRefused}.");
            }

            return new BatchResult(arguments.Rows, bytes, rawTime, rawScored, rawRefused, upload, pipeline, report.Scored, report.Refused);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Reads, encodes and scores the file in this process: requests of 1,000 records over every core.</summary>
    private static async Task<(TimeSpan Time, long Scored, long Refused)> RawAsync(RawScorer raw, string file, CancellationToken cancellationToken)
    {
        long scored = 0;
        long refused = 0;
        var clock = Stopwatch.StartNew();
        var pending = new List<IReadOnlyDictionary<string, string?>>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        void Flush()
        {
            IReadOnlyDictionary<string, string?>[] all = [.. pending];
            pending.Clear();
            Parallel.For(0, (all.Length + RequestRows - 1) / RequestRows, options, i =>
            {
                var slice = new ArraySegment<IReadOnlyDictionary<string, string?>>(all, i * RequestRows, Math.Min(RequestRows, all.Length - (i * RequestRows)));
                (int ok, int bad) = ScoreSlice(raw, slice);
                Interlocked.Add(ref scored, ok);
                Interlocked.Add(ref refused, bad);
            });
        }

        await foreach (IReadOnlyList<IReadOnlyDictionary<string, string?>> batch in CreditRecords.ReadBatchesAsync(file, "Status", cancellationToken))
        {
            pending.AddRange(batch);
            if (pending.Count >= 10 * RequestRows * Environment.ProcessorCount)
            {
                Flush();
            }
        }

        Flush();
        return (clock.Elapsed, scored, refused);
    }

    private static (int Scored, int Refused) ScoreSlice(RawScorer raw, IReadOnlyList<IReadOnlyDictionary<string, string?>> records)
    {
        IReadOnlyList<EncodedRecord> encoded = raw.Encoder.Encode(records);
        int width = raw.Width;
        int ok = encoded.Count(e => e.Values is not null);
        float[] rows = new float[ok * width];
        int r = 0;
        foreach (EncodedRecord e in encoded)
        {
            if (e.Values is { } values)
            {
                for (int c = 0; c < width; c++)
                {
                    rows[(r * width) + c] = values[c];
                }

                r++;
            }
        }

        if (ok > 0 && raw.Score(rows).Length != ok)
        {
            throw new InvalidOperationException("The model answered another number of scores than rows.");
        }

        return (ok, encoded.Count - ok);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
