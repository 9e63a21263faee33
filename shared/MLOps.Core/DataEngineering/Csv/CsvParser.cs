using System.Text;

namespace MLOps.Core.DataEngineering.Csv;

/// <summary>
/// The RFC 4180 state machine, fed decoded text in arbitrary chunks so a quoted field, or a CRLF, may straddle
/// two reads. Records are numbered as they complete: 0 is the header, data records count from 1.
/// </summary>
internal sealed class CsvParser(bool skipBlankLines)
{
    private readonly StringBuilder field = new();
    private readonly List<string> fields = [];
    private State state = State.RecordStart;
    private bool previousCr;
    private long recordLine = 1;
    private long quoteLine;

    private enum State
    {
        RecordStart,
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }

    /// <summary>The 1-based physical line being read; CRLF, LF and a lone CR each end one line.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>The number the record being read will get (0 for the header).</summary>
    public long RecordNumber { get; private set; }

    public void Parse(ReadOnlySpan<char> text, Queue<CsvRecord> output)
    {
        foreach (char c in text)
        {
            bool isBreak = c is '\r' or '\n';
            bool lfOfCrLf = c == '\n' && this.previousCr;
            this.previousCr = c == '\r';
            this.Step(c, isBreak, lfOfCrLf, output);
            if (c == '\r' || (c == '\n' && !lfOfCrLf))
            {
                this.Line++;
            }
        }
    }

    public void Complete(Queue<CsvRecord> output)
    {
        switch (this.state)
        {
            case State.Quoted:
                throw new CsvFormatException(
                    CsvProblem.UnterminatedQuote,
                    this.RecordNumber,
                    this.quoteLine,
                    $"the quoted field opened on line {this.quoteLine} is not closed before the end of the file");
            case State.FieldStart:
                this.fields.Add(string.Empty);
                this.Emit(output);
                break;
            case State.Unquoted or State.QuoteInQuoted:
                this.EndField();
                this.Emit(output);
                break;
        }
    }

    private void Step(char c, bool isBreak, bool lfOfCrLf, Queue<CsvRecord> output)
    {
        switch (this.state)
        {
            case State.RecordStart when lfOfCrLf:
                return;
            case State.RecordStart when isBreak:
                if (!skipBlankLines)
                {
                    this.recordLine = this.Line;
                    this.fields.Add(string.Empty);
                    this.Emit(output);
                }

                return;
            case State.RecordStart:
                this.recordLine = this.Line;
                this.state = State.FieldStart;
                this.Step(c, isBreak, lfOfCrLf, output);
                return;
            case State.FieldStart:
                if (c == '"')
                {
                    this.state = State.Quoted;
                    this.quoteLine = this.Line;
                }
                else if (c == ',' || isBreak)
                {
                    this.fields.Add(string.Empty);
                    this.EndFieldOrRecord(isBreak, output);
                }
                else
                {
                    this.field.Append(c);
                    this.state = State.Unquoted;
                }

                return;
            case State.Unquoted:
                if (c == '"')
                {
                    throw new CsvFormatException(
                        CsvProblem.QuoteInUnquotedField,
                        this.RecordNumber,
                        this.Line,
                        $"field {this.fields.Count + 1} does not start with a quote but contains one after '{this.Shown()}'");
                }

                this.AppendOrEnd(c, isBreak, output);
                return;
            case State.Quoted:
                if (c == '"')
                {
                    this.state = State.QuoteInQuoted;
                }
                else
                {
                    this.field.Append(c);
                }

                return;
            case State.QuoteInQuoted:
                if (c == '"')
                {
                    this.field.Append('"');
                    this.state = State.Quoted;
                    return;
                }

                if (c != ',' && !isBreak)
                {
                    throw new CsvFormatException(
                        CsvProblem.TextAfterClosingQuote,
                        this.RecordNumber,
                        this.Line,
                        $"field {this.fields.Count + 1} has '{c}' after its closing quote; a quote inside a quoted field must be doubled");
                }

                this.AppendOrEnd(c, isBreak, output);
                return;
        }
    }

    private void AppendOrEnd(char c, bool isBreak, Queue<CsvRecord> output)
    {
        if (c == ',' || isBreak)
        {
            this.EndField();
            this.EndFieldOrRecord(isBreak, output);
        }
        else
        {
            this.field.Append(c);
        }
    }

    private void EndFieldOrRecord(bool isBreak, Queue<CsvRecord> output)
    {
        if (isBreak)
        {
            this.Emit(output);
        }
        else
        {
            this.state = State.FieldStart;
        }
    }

    /// <summary>The field so far, shortened so a runaway field cannot flood the error message.</summary>
    private string Shown() => this.field.Length <= 40 ? this.field.ToString() : this.field.ToString(0, 40) + "...";

    private void EndField()
    {
        this.fields.Add(this.field.ToString());
        this.field.Clear();
    }

    private void Emit(Queue<CsvRecord> output)
    {
        output.Enqueue(new CsvRecord(this.RecordNumber, this.recordLine, this.fields.ToArray()));
        this.fields.Clear();
        this.RecordNumber++;
        this.state = State.RecordStart;
    }
}
