using System.Text;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Csv;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.DataEngineering;

public sealed class DataSampleReaderTests
{
    [Fact]
    public async Task Reads_quotes_escaped_quotes_embedded_breaks_and_missing_values()
    {
        const string csv = "\"id\",\"note\",\"n\"\r\n1,\"a, \"\"quoted\"\"\r\nline\",3\r\n2,,\"\"\n\n3,plain,\n";

        DataSample sample = await DataSampleReader.ReadAsync(Utf8(csv));

        Assert.Equal(["id", "note", "n"], sample.Columns);
        Assert.Equal(3, sample.Rows.Count);
        Assert.Equal<IEnumerable<string?>>(["1", "a, \"quoted\"\r\nline", "3"], sample.Rows[0]);
        // Quoted empty and unquoted empty are both missing, as in profiling and validation.
        Assert.Equal<IEnumerable<string?>>(["2", null, null], sample.Rows[1]);
        Assert.Equal<IEnumerable<string?>>(["3", "plain", null], sample.Rows[2]);
    }

    [Fact]
    public void Reads_the_bundled_credit_data()
    {
        DataSample credit = SpecFixtures.CreditData;

        Assert.Equal(4454, credit.Rows.Count);
        Assert.Equal(14, credit.Columns.Count);
        Assert.Equal("Status", credit.Columns[0]);
        Assert.Equal(381, credit.Column("Income").Count(v => v is null));
        Assert.Equal<IEnumerable<string?>>(["good", "9", "rent", "60", "30", "married", "no", "freelance", "73", "129", "0", "0", "800", "846"], credit.Rows[0]);
    }

    [Fact]
    public async Task Max_rows_limits_the_sample()
    {
        Assert.Equal(10, (await DataSampleReader.ReadAsync(SpecFixtures.DataPath("mlc_churn.csv"), maxRows: 10)).Rows.Count);
    }

    [Theory]
    [InlineData("a,b\n1,2,3\n", CsvProblem.RaggedRow)]
    [InlineData("a,b\n\"1,2\n", CsvProblem.UnterminatedQuote)]
    [InlineData("a,b\n\"1\"x,2\n", CsvProblem.TextAfterClosingQuote)]
    [InlineData("", CsvProblem.EmptyFile)]
    public async Task Refuses_malformed_csv(string csv, CsvProblem problem)
    {
        CsvFormatException error = await Assert.ThrowsAsync<CsvFormatException>(() => DataSampleReader.ReadAsync(Utf8(csv)));

        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void Samples_refuse_duplicate_columns_and_ragged_rows()
    {
        Assert.Throws<ArgumentException>(() => new DataSample(["a", "a"], []));
        Assert.Throws<ArgumentException>(() => new DataSample(["a", "b"], [["1"]]));
    }

    [Fact]
    public void With_column_derives_from_each_row()
    {
        DataSample sample = new(["x"], [["1"], ["2"], [null]]);

        DataSample derived = sample.WithColumn("y", row => row("x") is { } x ? x + x : null);

        Assert.Equal(["x", "y"], derived.Columns);
        Assert.Equal<IEnumerable<string?>>(["11", "22", null], derived.Column("y"));
        Assert.Throws<KeyNotFoundException>(() => derived.Column("z"));
    }

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
