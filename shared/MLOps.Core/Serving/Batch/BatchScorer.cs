using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Serving.Batch;

/// <summary>
/// The steps of a batch-scoring run. Prepare: fix the deployment (the endpoint's primary, the largest answered
/// share), read the input once with the landing reader (<see cref="LandingIngestor"/>: CSV as is, Parquet converted,
/// malformed files refused, content-addressed snapshot with record-aligned chunks). Score a chunk: encode its records
/// by the package's feature contract, score them on ready workers, and stage the chunk's lines as an uncommitted block
/// of the output blob (a deterministic block id, so a retried chunk restages the same bytes). Commit: the header and
/// every chunk's block in one block list, create-only, so the output appears complete or not at all and a second run
/// of the same input and package finds it done.
/// </summary>
public sealed class BatchScorer(
    BlobServiceClient blobs,
    IEndpointStore endpoints,
    IPackageScoring scoring,
    ServingMetrics metrics,
    IOptions<DataEngineeringOptions> dataOptions,
    IOptions<ServingOptions> options)
{
    private const string RowsMetadata = "rows";
    private const string ScoredMetadata = "scored";
    private const string RefusedMetadata = "refused";

    private BlobContainerClient Output => blobs.GetBlobContainerClient(BatchOutput.Container);

    public async Task<BatchScoringPlan> PrepareAsync(BatchScoringRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ServingEndpoint endpoint = await endpoints.GetAsync(request.Project, request.Endpoint, cancellationToken)
            ?? throw new DataRejectedException($"Project '{request.Project}' has no endpoint '{request.Endpoint}'.");
        Deployment deployment = endpoint.Primary() ?? throw new DataRejectedException($"Endpoint '{request.Endpoint}' has no deployment that answers.");
        ScoringPackage package = await this.OpenAsync(deployment, cancellationToken);
        DataEngineeringOptions reading = dataOptions.Value;
        var ingestor = new LandingIngestor(blobs, Options.Create(new DataEngineeringOptions
        {
            MaxFileBytes = reading.MaxFileBytes,
            ChunkRows = Math.Max(1, options.Value.BatchChunkRows),
            ColumnGroupSize = reading.ColumnGroupSize,
        }));
        Projects.BlobReference input = request.InputBlob!;
        IngestedFile ingested = await ingestor.IngestAsync(new DataEngineeringRequest(request.Project, input.Name, null, input.Container), cancellationToken);
        string[] missing = [.. package.Encoder.Columns.Where(c => !ingested.Columns.Contains(c, StringComparer.Ordinal))];
        if (missing.Length > 0)
        {
            throw new DataRejectedException(
                $"'{input}' lacks the column(s) {string.Join(", ", missing.Select(c => $"'{c}'"))} that the feature contract of package {package.Digest} reads; no record could be scored.");
        }

        string output = BatchOutput.BlobName(request.Project, deployment.Package, ingested.Sha256);
        await this.Output.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        bool committed = await this.Output.GetBlobClient(output).ExistsAsync(cancellationToken);
        return new BatchScoringPlan(request, deployment, ingested, Math.Max(1, options.Value.BatchChunkRows), BatchOutput.Container, output, committed);
    }

    public async Task<BatchChunkResult> ScoreChunkAsync(BatchChunkRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        BatchScoringPlan plan = request.Plan;
        ScoringPackage package = await this.OpenAsync(plan.Deployment, cancellationToken);
        string servingName = plan.Deployment.ServingName(plan.Request.Project, plan.Request.Endpoint);
        int batchRows = Math.Max(1, options.Value.BatchInferenceRows);
        long before = plan.RecordsBefore(request.Chunk);
        long rows = 0, scored = 0;
        using var lines = new MemoryStream();
        await using (var writer = new CsvRecordWriter(lines, leaveOpen: true))
        await using (CsvRecordReader reader = await SnapshotChunks.OpenAsync(blobs, plan.Input, request.Chunk, cancellationToken))
        {
            IReadOnlyList<string> header = await reader.ReadHeaderAsync(cancellationToken);
            int key = IndexOf(header, package.EntityKey);
            await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
            {
                foreach (CsvRecord[] part in batch.Records.Chunk(batchRows))
                {
                    RowResult[] results = await this.ScoreAsync(package, servingName, header, part, cancellationToken);
                    for (int i = 0; i < part.Length; i++)
                    {
                        long number = before + part[i].Number;
                        string entity = key >= 0 ? part[i].Fields[key] : number.ToString(CultureInfo.InvariantCulture);
                        await writer.WriteRecordAsync(BatchOutput.Line(number, entity, results[i]), cancellationToken);
                        scored += results[i].Status == RowResult.Scored ? 1 : 0;
                    }

                    rows += part.Length;
                }
            }
        }

        lines.Position = 0;
        await this.Output.GetBlockBlobClient(plan.OutputBlob).StageBlockAsync(BatchOutput.BlockId(request.Chunk + 1), lines, cancellationToken: cancellationToken);
        metrics.RowsScored(plan.Request.Project, plan.Request.Endpoint, scored, "batch");
        return new BatchChunkResult(request.Chunk, rows, scored, rows - scored);
    }

    public async Task<BatchScoringReport> CommitAsync(BatchCommitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        BatchScoringPlan plan = request.Plan;
        BlockBlobClient blob = this.Output.GetBlockBlobClient(plan.OutputBlob);
        if (!plan.Committed)
        {
            using (var header = new MemoryStream())
            {
                await using (var writer = new CsvRecordWriter(header, leaveOpen: true))
                {
                    await writer.WriteRecordAsync(BatchOutput.Header, cancellationToken);
                }

                header.Position = 0;
                await blob.StageBlockAsync(BatchOutput.BlockId(0), header, cancellationToken: cancellationToken);
            }

            var metadata = new Dictionary<string, string>
            {
                [RowsMetadata] = request.Chunks.Sum(c => c.Rows).ToString(CultureInfo.InvariantCulture),
                [ScoredMetadata] = request.Chunks.Sum(c => c.Scored).ToString(CultureInfo.InvariantCulture),
                [RefusedMetadata] = request.Chunks.Sum(c => c.Refused).ToString(CultureInfo.InvariantCulture),
            };
            try
            {
                await blob.CommitBlockListAsync(
                    [BatchOutput.BlockId(0), .. request.Chunks.OrderBy(c => c.Chunk).Select(c => BatchOutput.BlockId(c.Chunk + 1))],
                    new CommitBlockListOptions
                    {
                        Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                        HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" },
                        Metadata = metadata,
                    },
                    cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Committed by an earlier attempt or a run of the same input and package: the same bytes.
            }
        }

        IDictionary<string, string> stored = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.Metadata;
        return new BatchScoringReport(
            $"{plan.OutputContainer}/{plan.OutputBlob}",
            plan.Request.Endpoint,
            plan.Deployment.Id,
            plan.Deployment.Package,
            plan.Deployment.Model,
            plan.Deployment.ModelVersion,
            plan.Input.Sha256,
            Count(stored, RowsMetadata),
            Count(stored, ScoredMetadata),
            Count(stored, RefusedMetadata));
    }

    private async Task<RowResult[]> ScoreAsync(
        ScoringPackage package, string servingName, IReadOnlyList<string> header, CsvRecord[] records, CancellationToken cancellationToken)
    {
        var raw = new IReadOnlyDictionary<string, string?>[records.Length];
        for (int i = 0; i < records.Length; i++)
        {
            var values = new Dictionary<string, string?>(header.Count, StringComparer.Ordinal);
            for (int c = 0; c < header.Count; c++)
            {
                values[header[c]] = records[i].Fields[c];
            }

            raw[i] = values;
        }

        PendingRows pending = PendingRows.Encode(package, raw);
        if (pending.Scored.Length == 0)
        {
            return pending.Results;
        }

        // No ready worker, or one that failed: the activity fails and is retried by the orchestration's policy.
        return pending.Apply(package, await scoring.InferAsync(package, servingName, pending.Rows, cancellationToken));
    }

    private async Task<ScoringPackage> OpenAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        try
        {
            return await scoring.OpenAsync(deployment.Package, cancellationToken)
                ?? throw new DataRejectedException($"Package {deployment.Package} of deployment '{deployment.Id}' is not available (not built, or removed).");
        }
        catch (PackageRefusedException e)
        {
            // Retrying cannot make a package verify.
            throw new DataRejectedException($"Package {deployment.Package} of deployment '{deployment.Id}' does not verify: {e.Message}", e);
        }
    }

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static long Count(IDictionary<string, string> metadata, string name) =>
        metadata.TryGetValue(name, out string? text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : 0;
}
