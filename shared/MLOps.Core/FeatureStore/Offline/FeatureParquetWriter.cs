using System.Security.Cryptography;
using MLOps.Core.Storage;
using Parquet;
using Parquet.Schema;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// Streams feature rows into a Parquet file one row group at a time, so only a row group is ever in memory.
/// The output is a function of the rows alone (no timestamps or ids are written), so the same rows give the
/// same bytes and the same content hash.
/// </summary>
public sealed class FeatureParquetWriter : IAsyncDisposable
{
    public const int DefaultRowGroupSize = 65_536;

    internal const string KeyMetadata = "mlops.entityKey";
    internal const string EventTimeMetadata = "mlops.eventTime";
    internal const string LabelMetadata = "mlops.label";
    internal const string HoldoutMetadata = "mlops.holdout";

    private readonly ParquetWriter writer;
    private readonly ObservedWriteStream output;
    private readonly IncrementalHash sha;
    private readonly FeatureTableSchema table;
    private readonly DataField[] fields;
    private readonly int rowGroupSize;
    private readonly List<string> keys = [];
    private readonly List<DateTime> times = [];
    private readonly List<string?> labels = [];
    private readonly List<bool> holdout = [];
    private readonly double[][] values;
    private int buffered;
    private bool completed;

    private FeatureParquetWriter(ParquetWriter writer, ObservedWriteStream output, IncrementalHash sha, FeatureTableSchema table, DataField[] fields, int rowGroupSize)
    {
        this.writer = writer;
        this.output = output;
        this.sha = sha;
        this.table = table;
        this.fields = fields;
        this.rowGroupSize = rowGroupSize;
        this.values = table.Features.Select(_ => new double[rowGroupSize]).ToArray();
    }

    public long Rows { get; private set; }

    /// <summary>Bytes written so far; the file's size once complete.</summary>
    public long Bytes => this.output.Length;

    /// <summary>The SHA-256 of the file, hashed as it was written; set by <see cref="CompleteAsync"/>.</summary>
    public string? Sha256 { get; private set; }

    /// <summary>True when the buffered rows fill a row group; call <see cref="FlushAsync"/> before adding more.</summary>
    public bool IsRowGroupFull => this.buffered == this.rowGroupSize;

    public static async Task<FeatureParquetWriter> CreateAsync(
        Stream output, FeatureTableSchema table, int rowGroupSize = DefaultRowGroupSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        table.Check();
        List<DataField> fields = [new DataField<string>(table.EntityKey, false)];
        if (table.EventTime is { } time)
        {
            fields.Add(new DateTimeDataField(time, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: false));
        }

        if (table.Label is { } label)
        {
            fields.Add(new DataField<string>(label, true));
        }

        if (table.HasHoldout)
        {
            fields.Add(new DataField<bool>(FeatureTableSchema.HoldoutColumn, false));
        }

        fields.AddRange(table.Features.Select(f => new DataField<double>(f, false)));
        // The counting stream supplies the positions Parquet records, which a forward-only upload stream cannot.
        var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counted = new ObservedWriteStream(output, bytes => sha.AppendData(bytes));
        ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), counted, cancellationToken: cancellationToken);
        writer.CustomMetadata = new Dictionary<string, string>
        {
            [KeyMetadata] = table.EntityKey,
            [EventTimeMetadata] = table.EventTime ?? string.Empty,
            [LabelMetadata] = table.Label ?? string.Empty,
            [HoldoutMetadata] = table.HasHoldout ? FeatureTableSchema.HoldoutColumn : string.Empty,
        };
        return new FeatureParquetWriter(writer, counted, sha, table, [.. fields], rowGroupSize);
    }

    public FeatureTableSchema Table => this.table;

    /// <summary>
    /// Buffers one row; the event time must be given exactly when the table has an event-time column, the holdout
    /// membership exactly when it has the holdout column.
    /// </summary>
    public void Add(string key, DateTimeOffset? eventTime, string? label, ReadOnlySpan<double> features, bool? holdout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (this.IsRowGroupFull)
        {
            throw new InvalidOperationException("The row group is full; flush it before adding rows.");
        }

        if (features.Length != this.values.Length)
        {
            throw new ArgumentException($"A row needs {this.values.Length} feature values, not {features.Length}.", nameof(features));
        }

        if ((this.table.EventTime is null) != (eventTime is null))
        {
            throw new ArgumentException(
                this.table.EventTime is null ? "This feature table has no event-time column." : $"The row for key '{key}' has no event time.", nameof(eventTime));
        }

        if (this.table.HasHoldout != (holdout is not null))
        {
            throw new ArgumentException(
                this.table.HasHoldout ? $"The row for key '{key}' has no holdout membership." : "This feature table has no holdout column.", nameof(holdout));
        }

        this.keys.Add(key);
        this.holdout.Add(holdout ?? false);
        this.times.Add(eventTime?.UtcDateTime ?? default);
        this.labels.Add(label);
        for (int i = 0; i < features.Length; i++)
        {
            this.values[i][this.buffered] = features[i];
        }

        this.buffered++;
    }

    /// <summary>Writes every row of a frame (in the table's feature order).</summary>
    public async Task WriteAsync(FeatureFrame frame, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        FeatureColumn[] columns = this.table.Features
            .Select(f => frame.Find(f) ?? throw new ArgumentException($"The frame has no feature '{f}'.", nameof(frame)))
            .ToArray();
        var row = new double[columns.Length];
        for (int r = 0; r < frame.Rows; r++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                row[c] = columns[c].Values[r];
            }

            this.Add(frame.Keys[r], frame.EventTimes?[r], frame.Labels?[r], row, this.table.HasHoldout ? frame.Holdout?[r] ?? false : null);
            if (this.IsRowGroupFull)
            {
                await this.FlushAsync(cancellationToken);
            }
        }
    }

    /// <summary>Writes the buffered rows as one row group.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (this.buffered == 0)
        {
            return;
        }

        using (ParquetRowGroupWriter group = this.writer.CreateRowGroup())
        {
            int f = 0;
            await group.WriteAsync(this.fields[f++], this.keys);
            if (this.table.EventTime is not null)
            {
                await group.WriteAsync<DateTime>(this.fields[f++], this.times.ToArray(), cancellationToken: cancellationToken);
            }

            if (this.table.Label is not null)
            {
                await group.WriteAsync(this.fields[f++], this.labels!);
            }

            if (this.table.HasHoldout)
            {
                await group.WriteAsync<bool>(this.fields[f++], this.holdout.ToArray(), cancellationToken: cancellationToken);
            }

            foreach (double[] column in this.values)
            {
                await group.WriteAsync<double>(this.fields[f++], column.AsMemory(0, this.buffered), cancellationToken: cancellationToken);
            }

            group.CompleteValidate();
        }

        this.Rows += this.buffered;
        this.buffered = 0;
        this.keys.Clear();
        this.times.Clear();
        this.labels.Clear();
        this.holdout.Clear();
    }

    /// <summary>Flushes the last row group and writes the footer; the file is complete only after this.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        await this.FlushAsync(cancellationToken);
        this.completed = true;
        await this.writer.DisposeAsync();
        await this.output.FlushAsync(cancellationToken);
        this.Sha256 = Convert.ToHexStringLower(this.sha.GetCurrentHash());
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.completed)
        {
            this.completed = true;
            await this.writer.DisposeAsync();
        }

        await this.output.DisposeAsync();
        this.sha.Dispose();
    }
}
