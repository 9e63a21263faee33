using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using MLOps.Core.DataEngineering.Csv;

namespace MLOps.Core.FeatureStore.Offline;

/// <summary>
/// Cleaned rows staged once in a local temporary file (gzip-compressed CSV, each record led by its number and line
/// in the snapshot; about a fifth of the snapshot's size), so the passes after the split read them back instead of downloading, parsing and cleaning the
/// snapshot again. The file is deleted on dispose.
/// </summary>
internal sealed class CleanedRowStage : IAsyncDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"mlops-cleaned-{Guid.NewGuid():N}.csv.gz");
    private readonly IReadOnlyList<string> columns;
    private CsvRecordWriter? writer;

    public CleanedRowStage(IReadOnlyList<string> columns)
    {
        this.columns = columns;
    }

    public long Rows { get; private set; }

    public async Task AddAsync(CsvBatch batch, CancellationToken cancellationToken)
    {
        if (this.writer is null)
        {
            this.writer = new CsvRecordWriter(new GZipStream(File.Create(this.path), CompressionLevel.Fastest), "\n");
            await this.writer.WriteRecordAsync(["\u0001number", "\u0001line", .. this.columns], cancellationToken);
        }

        foreach (CsvRecord record in batch.Records)
        {
            string[] fields = new string[record.Fields.Count + 2];
            fields[0] = record.Number.ToString(CultureInfo.InvariantCulture);
            fields[1] = record.Line.ToString(CultureInfo.InvariantCulture);
            for (int i = 0; i < record.Fields.Count; i++)
            {
                fields[i + 2] = record.Fields[i];
            }

            await this.writer.WriteRecordAsync(fields, cancellationToken);
            this.Rows++;
        }
    }

    /// <summary>Ends writing; call before the first read.</summary>
    public async Task CompleteAsync()
    {
        if (this.writer is not null)
        {
            await this.writer.DisposeAsync();
            this.writer = null;
        }
    }

    /// <summary>The staged rows, as the cleaner gave them (original header, record numbers and lines).</summary>
    public async IAsyncEnumerable<CsvBatch> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (this.Rows == 0)
        {
            yield break;
        }

        await using var reader = new CsvRecordReader(new GZipStream(File.OpenRead(this.path), CompressionMode.Decompress));
        await foreach (CsvBatch batch in reader.ReadBatchesAsync(cancellationToken))
        {
            yield return new CsvBatch(this.columns, [.. batch.Records.Select(r => Unstage(r.Fields))]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await this.CompleteAsync();
        File.Delete(this.path);
    }

    private static CsvRecord Unstage(IReadOnlyList<string> fields) => new(
        long.Parse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture),
        long.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture),
        fields.Skip(2).ToArray());
}
