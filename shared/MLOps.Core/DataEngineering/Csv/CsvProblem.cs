namespace MLOps.Core.DataEngineering.Csv;

/// <summary>The kinds of malformed input the reader rejects, so callers can branch without parsing messages.</summary>
public enum CsvProblem
{
    EmptyFile,
    HeaderOnly,
    DuplicateColumn,
    RaggedRow,
    QuoteInUnquotedField,
    TextAfterClosingQuote,
    UnterminatedQuote,
    InvalidUtf8,
}
