using System.Text;
using MLOps.Core.DataEngineering;

namespace MLOps.UnitTests.Core.DataEngineering;

public class CsvShapeTests
{
    private static CsvShape Measure(string text, int chunkSize = 3, long chunkRows = long.MaxValue)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var shape = new CsvShape(chunkRows);
        for (int i = 0; i < bytes.Length; i += chunkSize)
        {
            shape.Add(bytes.AsSpan(i, Math.Min(chunkSize, bytes.Length - i)));
        }

        shape.Complete();
        return shape;
    }

    [Fact]
    public void Counts_data_rows_and_reads_the_header()
    {
        CsvShape shape = Measure("\"a\",b,c\n1,2,3\n4,5,6\n");

        Assert.Equal(2, shape.DataRows);
        Assert.Equal(["a", "b", "c"], shape.Columns);
    }

    [Fact]
    public void Quoted_newlines_and_commas_do_not_split_records()
    {
        CsvShape shape = Measure("id,note\r\n1,\"line one\r\nline two, still\"\r\n2,\"say \"\"hi\"\"\"\r\n");

        Assert.Equal(2, shape.DataRows);
    }

    [Fact]
    public void A_byte_order_mark_and_a_missing_final_newline_are_handled()
    {
        CsvShape shape = Measure("\uFEFFx,y\n1,2\n3,4", chunkSize: 1);

        Assert.Equal(["x", "y"], shape.Columns);
        Assert.Equal(2, shape.DataRows);
    }

    [Fact]
    public void Multi_byte_header_names_survive_chunk_boundaries()
    {
        Assert.Equal(["größe", "ψ"], Measure("größe,ψ\n1,2\n", chunkSize: 1).Columns);
    }

    [Fact]
    public void An_unterminated_quote_is_an_error()
    {
        Assert.Throws<InvalidDataException>(() => Measure("a,b\n1,\"open\n"));
    }

    [Fact]
    public void The_bundled_credit_data_has_4454_rows_of_14_columns()
    {
        string file = Path.Combine(TestPaths.RepositoryRoot, "shared", "data", "credit_data.csv");
        var shape = new CsvShape();
        shape.Add(File.ReadAllBytes(file));
        shape.Complete();

        Assert.Equal(4454, shape.DataRows);
        Assert.Equal(14, shape.Columns.Count);
        Assert.Equal("Status", shape.Columns[0]);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3,4\n5,6\n", 4, new long[] { 12 })]
    [InlineData("a,b\r\n1,2\r\n3,4\r\n5,6\r\n7,8", 5, new long[] { 15 })]
    [InlineData("a,b\r1,2\r3,4\r5,6\r7,8\r", 4, new long[] { 12 })]
    [InlineData("a,b\n1,\"x\ny\"\n3,4\n5,6\n", 4, new long[] { 16 })]
    [InlineData("a,b\n1,2\n3,4\n", 4, new long[0])]
    public void Chunks_start_at_record_boundaries(string text, long dataStart, long[] chunkStarts)
    {
        CsvShape shape = Measure(text, chunkRows: 2);

        Assert.Equal(dataStart, shape.DataStart);
        Assert.Equal(chunkStarts, shape.ChunkStarts);
    }
}
