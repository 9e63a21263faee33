using System.Text;
using MLOps.Core.DataEngineering.Csv;

namespace MLOps.UnitTests.Core.DataEngineering.Csv;

public class CsvMalformedInputTests
{
    private static async Task<CsvFormatException> Fails(byte[] bytes, CsvReaderOptions? options = null, int chunk = 1 << 16) =>
        await Assert.ThrowsAsync<CsvFormatException>(async () =>
            await DataFiles.ReadAllAsync(new CsvRecordReader(new TrickleStream(bytes, chunk), options)));

    private static Task<CsvFormatException> Fails(string text) => Fails(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_short_row_is_ragged()
    {
        CsvFormatException ex = await Fails("a,b,c\n1,2,3\n4,5\n");

        Assert.Equal(CsvProblem.RaggedRow, ex.Problem);
        Assert.Equal((2L, 3L), (ex.RecordNumber, ex.Line));
        Assert.Equal("Ragged row at record 2 (line 3): expected 3 fields as in the header but found 2", ex.Message);
    }

    [Fact]
    public async Task A_long_row_after_a_multi_line_field_is_ragged_at_its_own_line()
    {
        CsvFormatException ex = await Fails("a,b\n1,\"two\nlines\"\n3,4,5\n");

        Assert.Equal("Ragged row at record 2 (line 4): expected 2 fields as in the header but found 3", ex.Message);
    }

    [Fact]
    public async Task A_quote_inside_an_unquoted_field_is_bad_quoting()
    {
        CsvFormatException ex = await Fails("a,b\n1,x\"y\n");

        Assert.Equal(CsvProblem.QuoteInUnquotedField, ex.Problem);
        Assert.Equal("Quote in unquoted field at record 1 (line 2): field 2 does not start with a quote but contains one after 'x'", ex.Message);
    }

    [Fact]
    public async Task Text_after_a_closing_quote_is_bad_quoting()
    {
        CsvFormatException ex = await Fails("a,b\n\"x\"y,2\n");

        Assert.Equal(CsvProblem.TextAfterClosingQuote, ex.Problem);
        Assert.Equal(
            "Text after closing quote at record 1 (line 2): field 1 has 'y' after its closing quote; a quote inside a quoted field must be doubled",
            ex.Message);
    }

    [Fact]
    public async Task Bad_quoting_in_the_header_is_reported_as_the_header()
    {
        CsvFormatException ex = await Fails("a,b\"\n1,2\n");

        Assert.Equal((0L, 1L), (ex.RecordNumber, ex.Line));
        Assert.StartsWith("Quote in unquoted field in the header (line 1):", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_left_open_at_the_end_of_the_file_names_the_line_it_opened_on()
    {
        CsvFormatException ex = await Fails("a,b\n1,2\n3,\"open\nmore\n");

        Assert.Equal(CsvProblem.UnterminatedQuote, ex.Problem);
        Assert.Equal(
            "Unterminated quote at record 2 (line 3): the quoted field opened on line 3 is not closed before the end of the file",
            ex.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task An_invalid_utf8_byte_is_reported_with_its_offset_however_the_stream_is_chunked(int chunk)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("a,b\n1,2\nx"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(",3\n")];

        CsvFormatException ex = await Fails(bytes, chunk: chunk);

        Assert.Equal(CsvProblem.InvalidUtf8, ex.Problem);
        Assert.Equal("Invalid UTF-8 at record 2 (line 3): the byte 0xC3 at offset 9 does not start a valid UTF-8 sequence", ex.Message);
    }

    [Fact]
    public async Task A_utf8_sequence_cut_off_by_the_end_of_the_file_is_invalid()
    {
        CsvFormatException ex = await Fails([.. Encoding.UTF8.GetBytes("a\n"), 0xE2, 0x82]);

        Assert.Equal(CsvProblem.InvalidUtf8, ex.Problem);
        Assert.Equal((1L, 2L), (ex.RecordNumber, ex.Line));
        Assert.Contains("the byte 0xE2 at offset 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\r\n")]
    public async Task An_empty_file_is_reported_as_such(string text)
    {
        CsvFormatException ex = await Fails(text);

        Assert.Equal(CsvProblem.EmptyFile, ex.Problem);
        Assert.Equal("Empty file: the file has no header record", ex.Message);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("a,b\r\n")]
    [InlineData("a,b\n\n")]
    public async Task A_header_without_records_is_reported_distinctly(string text)
    {
        CsvFormatException ex = await Fails(text);

        Assert.Equal(CsvProblem.HeaderOnly, ex.Problem);
        Assert.Equal("Header only (line 1): the file has a header but no data records", ex.Message);
    }

    [Fact]
    public async Task A_repeated_column_name_is_rejected()
    {
        CsvFormatException ex = await Fails("a,b,a\n1,2,3\n");

        Assert.Equal(CsvProblem.DuplicateColumn, ex.Problem);
        Assert.Equal("Duplicate column in the header (line 1): column 'a' appears more than once", ex.Message);
    }

    [Fact]
    public async Task Records_before_a_malformed_one_are_delivered_first()
    {
        await using var reader = new CsvRecordReader(
            new TrickleStream(Encoding.UTF8.GetBytes("a\n1\n2\n3\n\"x\"y\n"), 1), new CsvReaderOptions { BatchSize = 2, BufferSize = 16 });
        var seen = new List<string>();

        await Assert.ThrowsAsync<CsvFormatException>(async () =>
        {
            await foreach (CsvBatch batch in reader.ReadBatchesAsync())
            {
                seen.AddRange(batch.Records.Select(r => r.Fields[0]));
            }
        });

        Assert.Equal(["1", "2"], seen);
    }
}
