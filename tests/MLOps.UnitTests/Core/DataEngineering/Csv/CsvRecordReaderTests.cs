using System.Text;
using MLOps.Core.DataEngineering.Csv;

namespace MLOps.UnitTests.Core.DataEngineering.Csv;

public class CsvRecordReaderTests
{
    private static async Task<(IReadOnlyList<string> Columns, List<CsvRecord> Records)> Read(string text, CsvReaderOptions? options = null) =>
        await DataFiles.ReadAllAsync(DataFiles.FromText(text, options));

    private static async Task<(IReadOnlyList<string> Columns, List<CsvRecord> Records)> Trickle(byte[] bytes, int chunk = 1) =>
        await DataFiles.ReadAllAsync(new CsvRecordReader(new TrickleStream(bytes, chunk), new CsvReaderOptions { BufferSize = 16 }));

    private static string[][] Fields(List<CsvRecord> records) => records.Select(r => r.Fields.ToArray()).ToArray();

    [Theory]
    [InlineData("a,b,c\n1,2,3\n4,5,6\n")]
    [InlineData("a,b,c\r\n1,2,3\r\n4,5,6\r\n")]
    [InlineData("a,b,c\r1,2,3\r4,5,6")]
    [InlineData("a,b,c\n1,2,3\n4,5,6")]
    public async Task Reads_the_header_and_numbered_records_whatever_the_line_ending(string text)
    {
        var (columns, records) = await Read(text);

        Assert.Equal(["a", "b", "c"], columns);
        Assert.Equal([["1", "2", "3"], ["4", "5", "6"]], Fields(records));
        Assert.Equal([1L, 2L], records.Select(r => r.Number));
        Assert.Equal([2L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public async Task Quoted_fields_keep_commas_line_breaks_and_doubled_quotes()
    {
        var (_, records) = await Read("id,note\r\n1,\"line one\r\nline two, still\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"\"\r\n4,\"lf\nonly\"\n");

        Assert.Equal(
            [["1", "line one\r\nline two, still"], ["2", "say \"hi\""], ["3", ""], ["4", "lf\nonly"]],
            Fields(records));
        Assert.Equal([2L, 4L, 5L, 6L], records.Select(r => r.Line));
    }

    [Fact]
    public async Task Empty_fields_are_empty_strings_including_a_trailing_one()
    {
        var (_, records) = await Read("a,b,c\n,,\n1,,3\n4,5,");

        Assert.Equal([["", "", ""], ["1", "", "3"], ["4", "5", ""]], Fields(records));
    }

    [Fact]
    public async Task A_byte_order_mark_is_dropped_even_when_it_arrives_a_byte_at_a_time()
    {
        var (columns, records) = await Trickle(Encoding.UTF8.GetBytes("\uFEFFx,y\n1,2\n"));

        Assert.Equal(["x", "y"], columns);
        Assert.Single(records);
    }

    [Fact]
    public async Task Multi_byte_characters_survive_read_boundaries()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("größe,ψ,emoji\n\"ä,ö\",😀,\"€\r\n€\"\n");

        foreach (int chunk in new[] { 1, 2, 3, 5, 7 })
        {
            var (columns, records) = await Trickle(bytes, chunk);

            Assert.Equal(["größe", "ψ", "emoji"], columns);
            Assert.Equal([["ä,ö", "😀", "€\r\n€"]], Fields(records));
        }
    }

    [Fact]
    public async Task A_CRLF_split_across_reads_is_one_line_break()
    {
        var (_, records) = await Trickle(Encoding.UTF8.GetBytes("a\r\n1\r\n2\r\n"), chunk: 1);

        Assert.Equal([["1"], ["2"]], Fields(records));
        Assert.Equal([2L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public async Task Blank_lines_are_skipped_by_default_but_keep_their_line_numbers()
    {
        var (_, records) = await Read("a,b\n\n1,2\r\n\r\n3,4\n\n");

        Assert.Equal([["1", "2"], ["3", "4"]], Fields(records));
        Assert.Equal([3L, 5L], records.Select(r => r.Line));
    }

    [Fact]
    public async Task Blank_lines_are_missing_values_when_not_skipped()
    {
        var (_, records) = await Read("a\n\nx\n", new CsvReaderOptions { SkipBlankLines = false });

        Assert.Equal([[""], ["x"]], Fields(records));
    }

    [Fact]
    public async Task Records_come_in_batches_of_the_configured_size()
    {
        string text = "n\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"{i}\n"));

        List<CsvBatch> batches = await DataFiles.ReadBatchesAsync(DataFiles.FromText(text, new CsvReaderOptions { BatchSize = 3 }));

        Assert.Equal([3, 3, 3, 1], batches.Select(b => b.Records.Count));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), batches.SelectMany(b => b.Records).Select(r => r.Number));
        Assert.All(batches, b => Assert.Equal(["n"], b.Columns));
    }

    [Fact]
    public async Task A_large_file_is_read_lazily_batch_by_batch()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("id,text\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"{i},\"row {i}, quoted\"\n")));
        var stream = new TrickleStream(bytes, 1 << 16);
        await using var reader = new CsvRecordReader(stream, new CsvReaderOptions { BatchSize = 500 });

        long records = 0;
        long readAtFirstBatch = -1;
        await foreach (CsvBatch batch in reader.ReadBatchesAsync())
        {
            readAtFirstBatch = readAtFirstBatch < 0 ? stream.Position : readAtFirstBatch;
            records += batch.Records.Count;
        }

        Assert.Equal(100_000, records);
        Assert.True(readAtFirstBatch < bytes.Length / 10, $"read {readAtFirstBatch} of {bytes.Length} bytes before the first batch");
    }

    [Fact]
    public async Task A_header_only_file_has_no_batches_when_allowed()
    {
        List<CsvBatch> batches = await DataFiles.ReadBatchesAsync(DataFiles.FromText("a,b\n", new CsvReaderOptions { AllowHeaderOnly = true }));

        Assert.Empty(batches);
    }

    [Fact]
    public async Task The_bundled_credit_data_reads_as_4454_records_of_14_fields()
    {
        var (columns, records) = await DataFiles.ReadAllAsync(DataFiles.Open(DataFiles.CreditData, batchSize: 1000));

        Assert.Equal(14, columns.Count);
        Assert.Equal(4454, records.Count);
        Assert.Equal(["bad", "0", "", "48", "37", "single", "no", "", "35", "", "", "", "1500", "1850"], records[29].Fields);
        Assert.Equal(31, records[29].Line);
    }
}
