using System.Globalization;
using MLOps.Core;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Csv;
using Parquet;
using Parquet.Schema;

namespace MLOps.UnitTests.Core.DataEngineering;

public class ParquetToCsvTests
{
    private static readonly DataField<int> Id = new("id", false);
    private static readonly DataField<double?> Amount = new("amount", true);
    private static readonly DataField<long?> Count = new("count", true);
    private static readonly DataField<string> Note = new("note", true);
    private static readonly DataField<bool> Flag = new("flag", false);
    private static readonly DataField<DateTime> When = new("when", false);

    private static readonly double?[] Amounts = [0.1, 1e-300, null, -123456.789, double.MaxValue, 1.0 / 3];
    private static readonly long?[] Counts = [0, null, -9_007_199_254_740_993, long.MaxValue, 42, null];
    private static readonly string?[] Notes = ["plain", "comma, inside", "say \"hi\"", "two\r\nlines", null, "ψ😀"];
    private static readonly bool[] Flags = [true, false, true, false, true, false];
    private static readonly DateTime[] Whens = [.. Enumerable.Range(0, 6).Select(i => new DateTime(2024, 2, 29, 13, 45, i, DateTimeKind.Utc))];

    [Fact]
    public async Task Every_value_reads_back_from_the_csv_as_the_same_value_and_nulls_as_empty_fields()
    {
        // Two row groups, so the conversion is exercised one group at a time.
        byte[] parquet = await WriteAsync(new ParquetSchema(Id, Amount, Count, Note, Flag, When), 0..3, 3..6);

        var (columns, records) = await ConvertAndReadAsync(parquet);

        Assert.Equal(["id", "amount", "count", "note", "flag", "when"], columns);
        Assert.Equal(6, records.Count);
        for (int r = 0; r < records.Count; r++)
        {
            IReadOnlyList<string> f = records[r].Fields;
            Assert.Equal(r, int.Parse(f[0], CultureInfo.InvariantCulture));
            Assert.Equal(Amounts[r], f[1].Length == 0 ? null : double.Parse(f[1], CultureInfo.InvariantCulture));
            Assert.Equal(Counts[r], f[2].Length == 0 ? null : long.Parse(f[2], CultureInfo.InvariantCulture));
            Assert.Equal(Notes[r] ?? string.Empty, f[3]);
            Assert.Equal(Flags[r], bool.Parse(f[4]));
            DateTime when = DateTime.Parse(f[5], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            Assert.Equal(Whens[r], when.ToUniversalTime());
        }

        // Shortest round-trip forms, not 17-digit noise.
        Assert.Equal(["0.1", "1E-300", ""], records.Take(3).Select(r => r.Fields[1]));
    }

    [Fact]
    public async Task A_struct_column_is_rejected_naming_it()
    {
        var schema = new ParquetSchema(Id, new StructField("address", new DataField<string>("city")));
        byte[] parquet = await WriteSchemaOnlyAsync(schema);

        var ex = await Assert.ThrowsAsync<DataRejectedException>(() => ConvertAsync(parquet));

        Assert.Contains("column 'address' is a struct", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_column_is_rejected_naming_it()
    {
        var schema = new ParquetSchema(Id, new ListField("tags", new DataField<string>("element")));
        byte[] parquet = await WriteSchemaOnlyAsync(schema);

        var ex = await Assert.ThrowsAsync<DataRejectedException>(() => ConvertAsync(parquet));

        Assert.Contains("column 'tags' is a list column", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_that_are_not_parquet_are_rejected_clearly()
    {
        byte[] garbage = [.. "PAR1 this is not a parquet file at all, just text that ends oddly"u8];

        var ex = await Assert.ThrowsAsync<DataRejectedException>(() => ConvertAsync(garbage));

        Assert.StartsWith("'t.parquet' is not a readable Parquet file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_no_rows_is_rejected()
    {
        byte[] parquet = await WriteSchemaOnlyAsync(new ParquetSchema(Id));

        var ex = await Assert.ThrowsAsync<DataRejectedException>(() => ConvertAsync(parquet));

        Assert.Contains("no rows", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<(IReadOnlyList<string> Columns, List<CsvRecord> Records)> ConvertAndReadAsync(byte[] parquet)
    {
        byte[] csv = await ConvertAsync(parquet);
        return await DataFiles.ReadAllAsync(new CsvRecordReader(new MemoryStream(csv)));
    }

    private static async Task<byte[]> ConvertAsync(byte[] parquet)
    {
        using var csv = new MemoryStream();
        long rows = await ParquetToCsv.ConvertAsync(new MemoryStream(parquet), csv, "t.parquet");
        Assert.True(rows > 0);
        return csv.ToArray();
    }

    private static async Task<byte[]> WriteAsync(ParquetSchema schema, params Range[] groups)
    {
        using var output = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(schema, output))
        {
            foreach (Range g in groups)
            {
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                await group.WriteAsync<int>(Id, Enumerable.Range(0, 6).ToArray()[g]);
                await group.WriteAsync<double>(Amount, Amounts[g]);
                await group.WriteAsync<long>(Count, Counts[g]);
                await group.WriteAsync(Note, Notes[g]!);
                await group.WriteAsync<bool>(Flag, Flags[g]);
                await group.WriteAsync<DateTime>(When, Whens[g]);
            }
        }

        return output.ToArray();
    }

    private static async Task<byte[]> WriteSchemaOnlyAsync(ParquetSchema schema)
    {
        using var output = new MemoryStream();
        await using (await ParquetWriter.CreateAsync(schema, output))
        {
        }

        return output.ToArray();
    }
}
