using System.Text;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Counts the records of an RFC 4180 CSV stream and reads its header, honouring quoted fields that contain
/// commas, quotes or line breaks. A stream pass: memory does not grow with the file.
/// </summary>
public sealed class CsvShape
{
    private readonly List<byte> header = [];
    private bool inQuotes;
    private bool inHeader = true;
    private bool recordHasContent;
    private byte previous;

    public long DataRows { get; private set; }

    public IReadOnlyList<string> Columns { get; private set; } = [];

    public void Add(ReadOnlySpan<byte> chunk)
    {
        foreach (byte b in chunk)
        {
            if (b == (byte)'"')
            {
                this.inQuotes = !this.inQuotes;
            }

            bool endOfRecord = !this.inQuotes && (b == (byte)'\n' || (this.previous == (byte)'\r' && b != (byte)'\n'));
            if (endOfRecord)
            {
                this.EndRecord();
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
        }
    }

    public void Complete()
    {
        if (this.inQuotes)
        {
            throw new InvalidDataException("The file ends inside a quoted field.");
        }

        this.EndRecord();
    }

    private void EndRecord()
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
        }
        else
        {
            this.DataRows++;
        }

        this.recordHasContent = false;
    }
}
