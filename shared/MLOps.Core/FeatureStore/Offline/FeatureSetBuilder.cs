using System.Globalization;
using Azure.Storage.Blobs;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.Storage;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// Applies a fitted feature set to cleaned CSV batches and streams the rows as Parquet into a staging blob,
/// hashing the bytes as they go; <see cref="OfflineFeatureStore.CommitAsync"/> turns the staged file into a version.
/// </summary>
public sealed class FeatureSetBuilder(BlobServiceClient blobs)
{
    public const string StagingPrefix = "_staging/";

    public async Task<StagedFeatureSet> BuildAsync(
        string project,
        IAsyncEnumerable<CsvBatch> batches,
        FittedFeatureSet features,
        FeatureSetSource source,
        int rowGroupSize = FeatureParquetWriter.DefaultRowGroupSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(project);
        BlobContainerClient snapshots = blobs.GetBlobContainerClient(BlobContainers.Snapshots);
        await snapshots.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        BlobClient staging = snapshots.GetBlobClient($"{StagingPrefix}{Guid.NewGuid():N}.parquet");
        try
        {
            FeatureParquetWriter written;
            await using (Stream upload = await staging.OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken))
            {
                written = await WriteAsync(upload, batches, features, source, rowGroupSize, cancellationToken);
            }

            return new StagedFeatureSet(project, staging.Name, written.Sha256!, written.Rows, written.Bytes, written.Table, features.DefinitionsSha256);
        }
        catch
        {
            // Closing the upload stream commits what was written; a failed build must leave nothing behind.
            await staging.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }
    }

    /// <summary>Writes the feature-set file to any stream; the returned writer is complete (rows, bytes, hash).</summary>
    public static async Task<FeatureParquetWriter> WriteAsync(
        Stream output,
        IAsyncEnumerable<CsvBatch> batches,
        FittedFeatureSet features,
        FeatureSetSource source,
        int rowGroupSize = FeatureParquetWriter.DefaultRowGroupSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(source);
        var table = new FeatureTableSchema(source.EntityKey, source.EventTime, source.Target, features.Columns);
        FeatureParquetWriter writer = await FeatureParquetWriter.CreateAsync(output, table, rowGroupSize, cancellationToken);
        await using (writer)
        {
            RowReader? rows = null;
            var values = new double[features.Columns.Count];
            await foreach (CsvBatch batch in batches.WithCancellation(cancellationToken))
            {
                rows ??= new RowReader(batch.Columns, features, source);
                foreach (CsvRecord record in batch.Records)
                {
                    rows.Read(record, values, out string key, out DateTimeOffset? time, out string? label);
                    writer.Add(key, time, label, values);
                    if (writer.IsRowGroupFull)
                    {
                        await writer.FlushAsync(cancellationToken);
                    }
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return writer;
    }

    /// <summary>The column positions of one header, resolved once.</summary>
    private sealed class RowReader(IReadOnlyList<string> header, FittedFeatureSet features, FeatureSetSource source)
    {
        private readonly FeatureRowEncoder encoder = features.Bind(header);
        private readonly int key = source.GeneratedKey ? -1 : IndexOf(header, source.EntityKey, "entity key");
        private readonly int time = source.EventTime is null ? -1 : IndexOf(header, source.EventTime, "event time");
        private readonly int label = source.Target is null ? -1 : IndexOf(header, source.Target, "target");

        public void Read(CsvRecord record, double[] values, out string key, out DateTimeOffset? time, out string? label)
        {
            IReadOnlyList<string> fields = record.Fields;
            key = this.key < 0 ? record.Number.ToString(CultureInfo.InvariantCulture) : fields[this.key];
            if (MissingValues.IsMissing(key))
            {
                throw new InvalidDataException($"Record {record.Number} has no value in the entity key column '{source.EntityKey}'.");
            }

            time = null;
            if (this.time >= 0)
            {
                time = ValueParsing.TryDateTime(fields[this.time], out DateTime utc)
                    ? new DateTimeOffset(utc, TimeSpan.Zero)
                    : throw new InvalidDataException(
                        $"Record {record.Number} has '{fields[this.time]}' in the event time column '{source.EventTime}', not an ISO 8601 date-time.");
            }

            label = this.label < 0 || MissingValues.IsMissing(fields[this.label]) ? null : fields[this.label];
            try
            {
                this.encoder.Apply(fields, values);
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"Record {record.Number}: {ex.Message}", ex);
            }
        }

        private static int IndexOf(IReadOnlyList<string> header, string column, string role)
        {
            int index = header.ToList().IndexOf(column);
            return index >= 0 ? index : throw new ArgumentException($"The {role} column '{column}' is not in the data's header.", nameof(header));
        }
    }
}
