using System.Globalization;
using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;

namespace MLOps.UnitTests.Core.DataEngineering.Profiling;

public class ColumnProfilerTests
{
    private static DatasetProfile Profile(string[] columns, IEnumerable<string[]> rows, ProfilerOptions? options = null)
    {
        var profiler = new ColumnProfiler(columns, options);
        profiler.Add(DataFiles.Table(columns, [.. rows]));
        return ColumnProfiler.Finish(profiler.ToPartial(), options);
    }

    private static ColumnProfile Single(params string[] values) =>
        Profile(["x"], values.Select(v => new[] { v })).Columns[0];

    [Theory]
    [InlineData(ColumnType.Boolean, "true", "False", "TRUE")]
    [InlineData(ColumnType.Boolean, "yes", "No", " Y ", "n", "t", "F", "1", "0")]
    [InlineData(ColumnType.Integer, "1", "0", "1")]
    [InlineData(ColumnType.Integer, "1", "-2", "003")]
    [InlineData(ColumnType.Real, "1.5", "2", "1e3")]
    [InlineData(ColumnType.DateTime, "2024-01-02", "2024-02-03T04:05:06", "2024-02-03 04:05:06")]
    [InlineData(ColumnType.Categorical, "1.5", "x", "1.5")]
    [InlineData(ColumnType.Categorical, "yes", "no", "maybe")]
    [InlineData(ColumnType.Categorical, "on", "off", "on")]
    [InlineData(ColumnType.Categorical, "NaN", "1", "2")]
    [InlineData(ColumnType.Empty, "", " ", "\t")]
    public void The_type_is_what_every_non_missing_value_parses_as(ColumnType expected, params string[] values)
    {
        Assert.Equal(expected, Single([.. values, ""]).Type);
    }

    [Fact]
    public void Many_distinct_non_numeric_values_make_text_and_few_relative_to_the_count_make_a_category()
    {
        string[] sixty = Enumerable.Range(0, 60).Select(i => $"id-{i}").ToArray();
        string[] hundredOf2500 = Enumerable.Range(0, 2500).Select(i => $"c{i % 100}").ToArray();

        Assert.Equal(ColumnType.Text, Single(sixty).Type);
        Assert.Equal(ColumnType.Categorical, Single(hundredOf2500).Type);
    }

    [Fact]
    public void Numeric_statistics_use_the_sample_deviation_and_numpy_linear_quantiles()
    {
        ColumnProfile column = Single("4", "1", "10", "", "3", "2", " ");

        Assert.Equal((5L, 2L, 5L), (column.Count, column.Missing, column.Distinct));
        Assert.Equal((1.0, 10.0, 4.0), (column.Min, column.Max, column.Mean));
        Assert.Equal(Math.Sqrt(12.5), column.StandardDeviation!.Value, 12);
        QuantileSummary q = column.Quantiles!;
        Assert.True(q.Exact);
        Assert.Equal(0, q.RankErrorBound);
        Assert.Equal([1.2, 2, 3, 4, 8.8], new[] { q.P05, q.P25, q.P50, q.P75, q.P95 }.Select(v => Math.Round(v, 12)));
        Assert.Equal([1L, 1, 1, 1, 0, 0, 0, 0, 0, 1], column.Histogram.Select(b => b.Count));
        Assert.Equal((1.0, 10.0), (column.Histogram[0].Lower, column.Histogram[^1].Upper));
    }

    [Fact]
    public void A_constant_column_has_one_bin_and_zero_deviation()
    {
        ColumnProfile column = Single("7", "7", "7");

        Assert.Equal(0, column.StandardDeviation);
        Assert.Equal([new HistogramBin(7, 7, 3)], column.Histogram);
    }

    [Fact]
    public void Top_values_are_most_frequent_first_with_ties_in_ordinal_order()
    {
        ColumnProfile column = Single("b", "a", "c", "b", "a", "d", "b");

        Assert.Equal([new ValueCount("b", 3), new ValueCount("a", 2), new ValueCount("c", 1), new ValueCount("d", 1)], column.TopValues);
    }

    [Fact]
    public void Distinct_values_past_the_cap_give_a_lower_bound()
    {
        var options = new ProfilerOptions { DistinctCap = 5 };
        ColumnProfile column = Profile(["x"], Enumerable.Range(0, 8).Select(i => new[] { $"v{i}" }), options).Columns[0];

        Assert.Equal(5, column.Distinct);
        Assert.True(column.DistinctIsLowerBound);
        Assert.Equal(ColumnType.Text, column.Type);
    }

    [Fact]
    public void Date_columns_report_their_range_and_no_numeric_statistics()
    {
        ColumnProfile column = Single("2024-03-01", "2023-12-31T23:59:59Z", "2024-01-15");

        Assert.Equal(ColumnType.DateTime, column.Type);
        Assert.Equal(new DateTime(2023, 12, 31, 23, 59, 59, DateTimeKind.Utc), column.Earliest);
        Assert.Equal(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), column.Latest);
        Assert.Null(column.Mean);
    }

    [Fact]
    public void A_partial_profile_survives_a_json_round_trip()
    {
        string[] columns = ["n", "c"];
        var profiler = new ColumnProfiler(columns);
        profiler.Add(DataFiles.Table(columns, ["1.5", "a"], ["", "b"], ["-3", "a"]));
        PartialProfile partial = profiler.ToPartial();

        PartialProfile restored = DataEngineeringJson.Deserialize<PartialProfile>(DataEngineeringJson.Serialize(partial));

        Assert.Equal(
            DataEngineeringJson.Serialize(ColumnProfiler.Finish(partial)),
            DataEngineeringJson.Serialize(ColumnProfiler.Finish(restored)));
        Assert.Equal(3, restored.Rows);
    }

    [Fact]
    public void Column_groups_profiled_apart_merge_into_the_whole_profile()
    {
        string[] columns = ["a", "b", "c"];
        string[][] rows = Enumerable.Range(0, 50)
            .Select(i => new[] { i.ToString(CultureInfo.InvariantCulture), $"k{i % 3}", i % 7 == 0 ? "" : (i * 0.5).ToString(CultureInfo.InvariantCulture) })
            .ToArray();
        CsvBatch table = DataFiles.Table(columns, rows);
        var whole = new ColumnProfiler(columns);
        var left = new ColumnProfiler(columns, columns: ["c", "a"]);
        var right = new ColumnProfiler(columns, columns: ["b"]);
        whole.Add(table);
        left.Add(table);
        right.Add(table);

        DatasetProfile merged = ColumnProfiler.Finish(ColumnProfiler.MergeColumnGroups(left.ToPartial(), right.ToPartial()));
        DatasetProfile expected = ColumnProfiler.Finish(whole.ToPartial());

        Assert.Equal(["c", "a", "b"], merged.Columns.Select(c => c.Name));
        foreach (ColumnProfile column in expected.Columns)
        {
            Assert.Equal(DataEngineeringJson.Serialize(column), DataEngineeringJson.Serialize(merged.Find(column.Name)));
        }
    }

    [Fact]
    public void Chunks_of_different_columns_do_not_merge()
    {
        PartialProfile a = new ColumnProfiler(["x"]).ToPartial();
        PartialProfile b = new ColumnProfiler(["y"]).ToPartial();

        Assert.Throws<ArgumentException>(() => ColumnProfiler.MergeChunks(a, b));
        Assert.Throws<ArgumentException>(() => ColumnProfiler.MergeColumnGroups(a, a));
    }

    [Fact]
    public void An_unknown_column_group_member_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new ColumnProfiler(["x"], columns: ["nope"]));
    }
}
