using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.FeatureStore.Offline;

namespace MLOps.UnitTests.Core.FeatureStore.Offline;

public class CleanedRowStageTests
{
    [Fact]
    public async Task Staged_rows_read_back_exactly_with_their_numbers_and_lines_and_the_file_goes_on_dispose()
    {
        string[] header = ["a", "b,c", "d"];
        CsvRecord[] records =
        [
            new(1, 2, ["x", "", " padded "]),
            new(3, 5, ["quote \"q\"", "line\nbreak", "comma, here"]),
            new(7, 9, ["", "", ""]),
        ];
        string[] before = Directory.GetFiles(Path.GetTempPath(), "mlops-cleaned-*");
        var read = new List<CsvRecord>();
        await using (var stage = new CleanedRowStage(header))
        {
            await stage.AddAsync(new CsvBatch(header, records[..2]), CancellationToken.None);
            await stage.AddAsync(new CsvBatch(header, records[2..]), CancellationToken.None);
            await stage.CompleteAsync();

            for (int pass = 0; pass < 2; pass++)
            {
                await foreach (CsvBatch batch in stage.ReadAsync())
                {
                    Assert.Equal(header, batch.Columns);
                    read.AddRange(batch.Records);
                }
            }

            Assert.Equal(3, stage.Rows);
            Assert.Single(Directory.GetFiles(Path.GetTempPath(), "mlops-cleaned-*").Except(before));
        }

        Assert.Equal([.. records, .. records], read, new RecordComparer());
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "mlops-cleaned-*").Except(before));
    }

    [Fact]
    public async Task An_empty_stage_reads_no_rows()
    {
        await using var stage = new CleanedRowStage(["a"]);
        await stage.CompleteAsync();

        await foreach (CsvBatch _ in stage.ReadAsync())
        {
            Assert.Fail("no rows were staged");
        }
    }

    private sealed class RecordComparer : IEqualityComparer<CsvRecord>
    {
        public bool Equals(CsvRecord? x, CsvRecord? y) =>
            x is not null && y is not null && x.Number == y.Number && x.Line == y.Line && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode(CsvRecord obj) => HashCode.Combine(obj.Number, obj.Line);
    }
}
