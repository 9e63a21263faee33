namespace MLOps.Core.DataEngineering.Csv;

/// <summary>How strict the reader is about input that is well-formed CSV but not useful data.</summary>
public sealed record CsvReaderOptions
{
    public static CsvReaderOptions Default { get; } = new();

    /// <summary>Records per batch; bounds memory independently of the file size.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>A header with no data records is a <see cref="CsvProblem.HeaderOnly"/> error unless this is set.</summary>
    public bool AllowHeaderOnly { get; init; }

    /// <summary>
    /// Lines with no characters at all are skipped: a trailing blank line is common and would otherwise be a
    /// one-field ragged record. Turn off for single-column files where an empty line is a missing value.
    /// </summary>
    public bool SkipBlankLines { get; init; } = true;

    /// <summary>Bytes read from the stream at a time.</summary>
    public int BufferSize { get; init; } = 1 << 16;
}
