using Azure.Storage.Blobs;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Requirements;
using MLOps.Core.Storage;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// Applies a fitted feature set to cleaned CSV batches and streams the rows as Parquet into a staging blob,
/// hashing the bytes as they go; <see cref="OfflineFeatureStore.CommitAsync"/> turns the staged file into a version.
/// </summary>
public sealed class FeatureSetBuilder(BlobServiceClient blobs)
{
    public const string StagingPrefix = "_staging/";

    /// <summary>Writes already-cleaned batches with an already-fitted set (no holdout column) to a staging blob.</summary>
    public async Task<StagedFeatureSet> BuildAsync(
        string project,
        IAsyncEnumerable<CsvBatch> batches,
        FittedFeatureSet features,
        FeatureSetSource source,
        int rowGroupSize = FeatureParquetWriter.DefaultRowGroupSize,
        CancellationToken cancellationToken = default) =>
        (await this.StageAsync(project, (output, ct) => WriteAsync(output, batches, features, source, rowGroupSize, cancellationToken: ct), cancellationToken)).Staged;

    /// <summary>Stages whatever <paramref name="write"/> writes; a failed write leaves nothing behind.</summary>
    public async Task<(StagedFeatureSet Staged, FeatureSetWrite Write)> StageAsync(
        string project, Func<Stream, CancellationToken, Task<FeatureSetWrite>> write, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        ArgumentNullException.ThrowIfNull(write);
        BlobContainerClient snapshots = blobs.GetBlobContainerClient(BlobContainers.Snapshots);
        await snapshots.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        BlobClient staging = snapshots.GetBlobClient($"{StagingPrefix}{Guid.NewGuid():N}.parquet");
        try
        {
            FeatureSetWrite written;
            await using (Stream upload = await staging.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken))
            {
                written = await write(upload, cancellationToken);
            }

            FeatureParquetWriter file = written.Written;
            var staged = new StagedFeatureSet(
                project, staging.Name, file.Sha256!, file.Rows, file.Bytes, file.Table, written.Features.DefinitionsSha256, written.Split, written.Features);
            return (staged, written);
        }
        catch
        {
            // Closing the upload stream commits what was written; a failed build must leave nothing behind.
            await staging.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Writes the feature-set file to any stream; the returned writer is complete (rows, bytes, hash). With
    /// <paramref name="holdout"/> (one flag per record, in order) the file has the holdout column. Every row is
    /// counted by the engineering guard under <paramref name="rules"/>' change guards, which throws when a feature loses too much.
    /// </summary>
    public static async Task<FeatureSetWrite> WriteAsync(
        Stream output,
        IAsyncEnumerable<CsvBatch> batches,
        FittedFeatureSet features,
        FeatureSetSource source,
        int rowGroupSize = FeatureParquetWriter.DefaultRowGroupSize,
        IReadOnlyList<bool>? holdout = null,
        DataRules? rules = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(source);
        var table = new FeatureTableSchema(source.EntityKey, source.EventTime, source.Target, features.Columns, HasHoldout: holdout is not null);
        FeatureParquetWriter writer = await FeatureParquetWriter.CreateAsync(output, table, rowGroupSize, cancellationToken);
        EngineeringGuard? counts = null;
        await using (writer)
        {
            FeatureRowIdentity? identity = null;
            FeatureRowEncoder? encoder = null;
            var values = new double[features.Columns.Count];
            int row = 0;
            await foreach (CsvBatch batch in batches.WithCancellation(cancellationToken))
            {
                identity ??= new FeatureRowIdentity(batch.Columns, source);
                encoder ??= features.Bind(batch.Columns);
                counts ??= new EngineeringGuard(encoder, rules);
                foreach (CsvRecord record in batch.Records)
                {
                    identity.Read(record, out string key, out DateTimeOffset? time, out string? label);
                    encoder.Apply(record.Fields, values);
                    counts.Observe(record.Fields, values);
                    bool? held = null;
                    if (holdout is not null)
                    {
                        held = row < holdout.Count
                            ? holdout[row]
                            : throw new InvalidOperationException($"The holdout has {holdout.Count} rows; record {record.Number} is row {row + 1}.");
                    }

                    writer.Add(key, time, label, values, held);
                    row++;
                    if (writer.IsRowGroupFull)
                    {
                        await writer.FlushAsync(cancellationToken);
                    }
                }
            }

            if (holdout is not null && row != holdout.Count)
            {
                throw new InvalidOperationException($"The holdout has {holdout.Count} rows, the data {row}.");
            }

            await writer.CompleteAsync(cancellationToken);
        }

        ChangeGuard rule = rules?.ChangeGuard ?? new ChangeGuard();
        EngineeringReport report = counts?.Finish() ?? new EngineeringReport(0, rule.MaxShare, rule.Action, [], []);
        return new FeatureSetWrite(writer, features, report);
    }
}
