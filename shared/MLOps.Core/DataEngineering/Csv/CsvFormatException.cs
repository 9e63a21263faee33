namespace MLOps.Core.DataEngineering.Csv;

/// <summary>
/// Malformed CSV input. <see cref="RecordNumber"/> is the 1-based data record (0 is the header) and
/// <see cref="Line"/> the 1-based physical line where the problem was found, so an operator can open the file there.
/// </summary>
public sealed class CsvFormatException : FormatException
{
    public CsvFormatException()
    {
    }

    public CsvFormatException(string message)
        : base(message)
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CsvFormatException(CsvProblem problem, long recordNumber, long line, string detail)
        : base(Describe(problem, recordNumber, line, detail))
    {
        this.Problem = problem;
        this.RecordNumber = recordNumber;
        this.Line = line;
    }

    public CsvProblem Problem { get; }

    public long RecordNumber { get; }

    public long Line { get; }

    private static string Describe(CsvProblem problem, long recordNumber, long line, string detail)
    {
        string where = problem switch
        {
            CsvProblem.EmptyFile => string.Empty,
            CsvProblem.HeaderOnly => $" (line {line})",
            _ when recordNumber == 0 => $" in the header (line {line})",
            _ => $" at record {recordNumber} (line {line})",
        };
        string what = problem switch
        {
            CsvProblem.EmptyFile => "Empty file",
            CsvProblem.HeaderOnly => "Header only",
            CsvProblem.DuplicateColumn => "Duplicate column",
            CsvProblem.RaggedRow => "Ragged row",
            CsvProblem.QuoteInUnquotedField => "Quote in unquoted field",
            CsvProblem.TextAfterClosingQuote => "Text after closing quote",
            CsvProblem.UnterminatedQuote => "Unterminated quote",
            CsvProblem.InvalidUtf8 => "Invalid UTF-8",
            _ => problem.ToString(),
        };
        return $"{what}{where}: {detail}";
    }
}
