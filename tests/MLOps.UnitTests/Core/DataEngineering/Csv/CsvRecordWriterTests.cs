using System.Text;
using MLOps.Core.DataEngineering.Csv;

namespace MLOps.UnitTests.Core.DataEngineering.Csv;

public class CsvRecordWriterTests
{
    [Fact]
    public void Only_fields_that_need_it_are_quoted_and_quotes_are_doubled()
    {
        Assert.Equal(
            "a,\"b,c\",\"say \"\"hi\"\"\",\"x\r\ny\", padded ,",
            CsvRecordWriter.Format(["a", "b,c", "say \"hi\"", "x\r\ny", " padded ", ""]));
    }

    [Fact]
    public async Task What_is_written_reads_back_unchanged()
    {
        string[][] rows = [["id", "note"], ["1", "comma, quote \" and\nnewline"], ["2", "ψ😀"], ["3", ""]];
        using var stream = new MemoryStream();
        await using (var writer = new CsvRecordWriter(stream, leaveOpen: true))
        {
            foreach (string[] row in rows)
            {
                await writer.WriteRecordAsync(row);
            }
        }

        byte[] bytes = stream.ToArray();
        var (columns, records) = await DataFiles.ReadAllAsync(new CsvRecordReader(new MemoryStream(bytes)));

        Assert.Equal(rows[0], columns);
        Assert.Equal(rows[1..], records.Select(r => r.Fields.ToArray()));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.EndsWith("\r\n3,\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }
}
