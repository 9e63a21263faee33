using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace MLOps.Core.DataEngineering.Csv;

/// <summary>
/// Streams an RFC 4180 file as batches of records: memory is bounded by the buffer and one batch, never the file.
/// Decoding is strict UTF-8 (an optional BOM is dropped); invalid bytes are an error rather than U+FFFD because a
/// silently replaced character would change categorical values and content hashes downstream. It uses
/// <see cref="Utf8.ToUtf16(ReadOnlySpan{byte}, Span{char}, out int, out int, bool, bool)"/> without replacement,
/// as strict as a throwing UTF8Encoding but reporting how many bytes were valid, so the error names the exact
/// byte offset and the line it is on.
/// </summary>
public sealed class CsvRecordReader : IAsyncDisposable, IDisposable
{
    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly CsvReaderOptions options;
    private readonly CsvParser parser;
    private readonly Queue<CsvRecord> parsed = new();
    private readonly byte[] bytes;
    private readonly char[] chars;
    private int carry;
    private long byteOffset;
    private bool started;
    private bool finished;
    private IReadOnlyList<string>? columns;
    private long headerLine = 1;

    public CsvRecordReader(Stream stream, CsvReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        this.options = options ?? CsvReaderOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.BufferSize, 16);
        this.parser = new CsvParser(this.options.SkipBlankLines);
        this.bytes = new byte[this.options.BufferSize];
        this.chars = new char[this.options.BufferSize];
    }

    /// <summary>Reads (once) and returns the header's column names.</summary>
    public async ValueTask<IReadOnlyList<string>> ReadHeaderAsync(CancellationToken cancellationToken = default)
    {
        while (this.columns is null)
        {
            if (this.parsed.TryDequeue(out CsvRecord? first))
            {
                this.headerLine = first.Line;
                this.columns = CheckHeader(first);
            }
            else if (!await this.FillAsync(cancellationToken))
            {
                throw new CsvFormatException(CsvProblem.EmptyFile, 0, this.parser.Line, "the file has no header record");
            }
        }

        return this.columns;
    }

    /// <summary>The remaining data records, <see cref="CsvReaderOptions.BatchSize"/> at a time.</summary>
    public async IAsyncEnumerable<CsvBatch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> header = await this.ReadHeaderAsync(cancellationToken);
        var batch = new List<CsvRecord>(this.options.BatchSize);
        long dataRecords = 0;
        while (this.parsed.Count > 0 || await this.FillAsync(cancellationToken))
        {
            while (this.parsed.TryDequeue(out CsvRecord? record))
            {
                if (record.Fields.Count != header.Count)
                {
                    throw new CsvFormatException(
                        CsvProblem.RaggedRow,
                        record.Number,
                        record.Line,
                        $"expected {header.Count} fields as in the header but found {record.Fields.Count}");
                }

                batch.Add(record);
                dataRecords++;
                if (batch.Count == this.options.BatchSize)
                {
                    yield return new CsvBatch(header, batch);
                    batch = new List<CsvRecord>(this.options.BatchSize);
                }
            }
        }

        if (batch.Count > 0)
        {
            yield return new CsvBatch(header, batch);
        }

        if (dataRecords == 0 && !this.options.AllowHeaderOnly)
        {
            throw new CsvFormatException(CsvProblem.HeaderOnly, 0, this.headerLine, "the file has a header but no data records");
        }
    }

    public void Dispose()
    {
        if (!this.leaveOpen)
        {
            this.stream.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.leaveOpen)
        {
            await this.stream.DisposeAsync();
        }
    }

    private static IReadOnlyList<string> CheckHeader(CsvRecord header)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in header.Fields)
        {
            if (!seen.Add(name))
            {
                throw new CsvFormatException(CsvProblem.DuplicateColumn, 0, header.Line, $"column '{name}' appears more than once");
            }
        }

        return header.Fields;
    }

    /// <summary>Reads and parses one buffer; false once the stream is exhausted and the parser completed.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (this.finished)
        {
            return false;
        }

        int read = await this.stream.ReadAsync(this.bytes.AsMemory(this.carry), cancellationToken);
        bool final = read == 0;
        int available = this.carry + read;
        OperationStatus status = Utf8.ToUtf16(
            this.bytes.AsSpan(0, available), this.chars, out int consumed, out int written, replaceInvalidSequences: false, isFinalBlock: final);
        ReadOnlySpan<char> text = this.chars.AsSpan(0, written);
        if (!this.started && written > 0)
        {
            this.started = true;
            text = text[0] == '\uFEFF' ? text[1..] : text;
        }

        this.parser.Parse(text, this.parsed);
        if (status == OperationStatus.InvalidData)
        {
            throw new CsvFormatException(
                CsvProblem.InvalidUtf8,
                this.parser.RecordNumber,
                this.parser.Line,
                $"the byte 0x{this.bytes[consumed]:X2} at offset {this.byteOffset + consumed} does not start a valid UTF-8 sequence");
        }

        this.byteOffset += consumed;
        this.carry = available - consumed;
        this.bytes.AsSpan(consumed, this.carry).CopyTo(this.bytes);
        if (final)
        {
            this.parser.Complete(this.parsed);
            this.finished = true;
        }

        return true;
    }
}
