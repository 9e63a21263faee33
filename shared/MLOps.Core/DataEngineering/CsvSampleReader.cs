using System.Text;

namespace MLOps.Core.DataEngineering;

/// <summary>
/// Reads an RFC 4180 CSV into a <see cref="DataSample"/>: a header row, comma separators, fields optionally in
/// double quotes with "" for a quote and line breaks allowed inside quotes, CRLF or LF line ends. An empty
/// unquoted field is missing (null); a quoted empty field ("") is an empty string, because R and pandas write
/// missing values as empty fields.
/// </summary>
public static class CsvSampleReader
{
    public static DataSample Read(string path, int? maxRows = null)
    {
        using StreamReader reader = new(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, maxRows);
    }

    /// <summary>Reads up to <paramref name="maxRows"/> data rows (all when null).</summary>
    public static DataSample Read(TextReader reader, int? maxRows = null)
    {
        List<string?[]> rows = [];
        string[]? header = null;
        int line = 1;
        while ((maxRows is null || rows.Count < maxRows) && ReadRecord(reader, ref line) is { } record)
        {
            if (header is null)
            {
                header = [.. record.Select(f => f ?? string.Empty)];
            }
            else if (record.Length != header.Length)
            {
                throw new InvalidDataException($"Data record {rows.Count + 1} (before line {line}) has {record.Length} fields; the header has {header.Length}.");
            }
            else
            {
                rows.Add(record);
            }
        }

        return header is null ? throw new InvalidDataException("The CSV has no header row.") : new DataSample(header, rows);
    }

    /// <summary>One record, or null at the end; blank lines are skipped.</summary>
    private static string?[]? ReadRecord(TextReader reader, ref int line)
    {
        List<string?> fields = [];
        StringBuilder field = new();
        bool quoted = false, inQuotes = false, any = false;
        while (true)
        {
            int c = reader.Read();
            if (c == -1)
            {
                if (inQuotes)
                {
                    throw new InvalidDataException($"The file ends inside a quoted field (line {line}).");
                }

                return any ? End(fields, field, quoted) : null;
            }

            any = true;
            if (inQuotes)
            {
                if (c == '"' && reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append((char)c);
                }
            }
            else if (c == '"' && field.Length == 0 && !quoted)
            {
                inQuotes = quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(Value(field, quoted));
                field.Clear();
                quoted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                line++;
                if (fields.Count == 0 && field.Length == 0 && !quoted)
                {
                    any = false;
                    continue;
                }

                return End(fields, field, quoted);
            }
            else if (quoted)
            {
                throw new InvalidDataException($"Unexpected character '{(char)c}' after a closing quote on line {line}.");
            }
            else
            {
                field.Append((char)c);
            }
        }
    }

    private static string?[] End(List<string?> fields, StringBuilder field, bool quoted)
    {
        fields.Add(Value(field, quoted));
        return [.. fields];
    }

    private static string? Value(StringBuilder field, bool quoted) =>
        field.Length == 0 && !quoted ? null : field.ToString();
}
