using System.Text;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Counts the records of an RFC 4180 CSV stream and reads its header, honouring quoted fields that contain
/// commas, quotes or line breaks. A stream pass: memory does not grow with the file. It also notes the byte
/// offset where every <see cref="ChunkRows"/>-th data record begins, so later steps can fan out over byte ranges
/// of the file that each start at a record boundary.
/// </summary>
public sealed class CsvShape(long chunkRows = long.MaxValue)
{
    private readonly List<byte> header = [];
    private readonly List<long> chunkStarts = [];
    private long position;
    private bool inQuotes;
    private bool inHeader = true;
    private bool recordHasContent;
    private byte previous;

    public long DataRows { get; private set; }

    public IReadOnlyList<string> Columns { get; private set; } = [];

    public long ChunkRows { get; } = chunkRows > 0 ? chunkRows : throw new ArgumentOutOfRangeException(nameof(chunkRows));

    /// <summary>Byte offset where the header ends and the data records begin.</summary>
    public long DataStart { get; private set; }

    /// <summary>Byte offsets of the first record of each chunk after the first (the first begins at <see cref="DataStart"/>).</summary>
    public IReadOnlyList<long> ChunkStarts => this.chunkStarts;

    public void Add(ReadOnlySpan<byte> chunk)
    {
        foreach (byte b in chunk)
        {
            if (b == (byte)'"')
            {
                this.inQuotes = !this.inQuotes;
            }

            if (!this.inQuotes && b == (byte)'\n')
            {
                this.EndRecord(nextStart: this.position + 1);
            }
            else if (!this.inQuotes && this.previous == (byte)'\r')
            {
                // A lone CR ended the record; this byte already belongs to the next one.
                this.EndRecord(nextStart: this.position);
            }

            if (b is not ((byte)'\n' or (byte)'\r'))
            {
                this.recordHasContent = true;
                if (this.inHeader)
                {
                    this.header.Add(b);
                }
            }
            else if (this.inQuotes && this.inHeader)
            {
                this.header.Add(b);
            }

            this.previous = b;
            this.position++;
        }
    }

    public void Complete()
    {
        if (this.inQuotes)
        {
            throw new InvalidDataException("The file ends inside a quoted field.");
        }

        this.EndRecord(nextStart: this.position);

        // A chunk that would start at the end of the file holds no records.
        this.chunkStarts.RemoveAll(start => start >= this.position);
    }

    private void EndRecord(long nextStart)
    {
        if (!this.recordHasContent)
        {
            return;
        }

        if (this.inHeader)
        {
            string text = Encoding.UTF8.GetString(this.header.ToArray()).TrimStart('\uFEFF');
            this.Columns = text.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            this.inHeader = false;
            this.DataStart = nextStart;
        }
        else if (++this.DataRows % this.ChunkRows == 0)
        {
            this.chunkStarts.Add(nextStart);
        }

        this.recordHasContent = false;
    }
}
