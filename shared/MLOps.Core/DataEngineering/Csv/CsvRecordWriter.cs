using System.Text;

namespace MLOps.Core.DataEngineering.Csv;

/// <summary>
/// Writes RFC 4180 records as UTF-8 without a BOM, quoting only fields that need it, so equal rows always
/// produce equal bytes (the basis of content-addressed snapshots of cleaned data).
/// </summary>
public sealed class CsvRecordWriter(Stream stream, string newLine = "\r\n", bool leaveOpen = false) : IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly StreamWriter writer = new(stream, Utf8NoBom, 1 << 16, leaveOpen);
    private readonly StringBuilder line = new();

    public static string Format(IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var text = new StringBuilder();
        Append(text, fields);
        return text.ToString();
    }

    public async Task WriteRecordAsync(IReadOnlyList<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        this.line.Clear();
        Append(this.line, fields);
        this.line.Append(newLine);
        await this.writer.WriteAsync(this.line, cancellationToken);
    }

    public async Task WriteBatchAsync(CsvBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (CsvRecord record in batch.Records)
        {
            await this.WriteRecordAsync(record.Fields, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await this.writer.FlushAsync();
        await this.writer.DisposeAsync();
    }

    private static void Append(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            string field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                text.Append(field);
            }
            else
            {
                text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
        }
    }
}
