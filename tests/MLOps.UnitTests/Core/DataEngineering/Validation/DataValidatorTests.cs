using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.UnitTests.Core.DataEngineering.Validation;

public class DataValidatorTests
{
    private static readonly string[] Columns = ["id", "kind", "score"];

    private static readonly CsvBatch Rows = DataFiles.Table(
        Columns,
        ["1", "a", "10"],
        ["2", "b", ""],
        ["2", "<b>", "250"],
        ["4", "a", "x"],
        ["5", "c", "-1"],
        ["6", "a", "7"],
        ["7", "b", "-5"],
        ["8", "a", "999"],
        ["9", "a", "1000"]);

    private static QualityReport Validate(params DataRule[] rules)
    {
        var profiler = new ColumnProfiler(Columns);
        profiler.Add(Rows);
        ValidationRun run = new DataValidator(sampleSize: 5).Start(ColumnProfiler.Finish(profiler.ToPartial()), rules);
        run.Inspect(Rows);
        return run.Complete("handmade");
    }

    [Fact]
    public void A_range_rule_counts_out_of_range_and_non_numeric_values_and_samples_the_first_five()
    {
        RuleResult result = Validate(new RangeRule("score-range", "score", 0, 100)).Results[0];

        Assert.False(result.Passed);
        Assert.Equal(6, result.OffendingRows);
        Assert.Equal(["250", "x", "-1", "-5", "999"], result.Sample.Select(s => s.Value));
        Assert.Equal([3L, 4, 5, 7, 8], result.Sample.Select(s => s.RecordNumber));
        Assert.Equal(["2", "<b>", "250"], result.Sample[0].Fields);
    }

    [Fact]
    public void Allowed_values_match_exactly_or_by_canonical_spelling_and_skip_missing_values()
    {
        QualityReport report = Validate(
            new AllowedValuesRule("strict", "kind", ["a", "b"]),
            new AllowedValuesRule("exact-case", "kind", ["A", "B", "C", "<B>"]),
            new AllowedValuesRule("canonical", "kind", ["A", "B", "C", "<B>"], Normalised: true),
            new AllowedValuesRule("canonical-narrow", "kind", ["A", "B"], Normalised: true));

        Assert.Equal((2L, false), (report.Results[0].OffendingRows, report.Results[0].Passed));
        Assert.Equal((9L, false), (report.Results[1].OffendingRows, report.Results[1].Passed));
        Assert.Equal((0L, true), (report.Results[2].OffendingRows, report.Results[2].Passed));
        Assert.Equal(["<b>", "c"], report.Results[3].Sample.Select(s => s.Value));
        Assert.Contains("(by canonical spelling)", report.Results[3].Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Boolean_accepts_the_usual_spellings_and_0_1_integers_and_categorical_accepts_integer_codes()
    {
        CsvBatch table = DataFiles.Table(
            ["flag", "bit", "count", "code"], ["Yes", "1", "0", "408"], ["n", "0", "2", "415"], ["TRUE", "1", "1", "408"], ["f", "", "1", "510"]);
        var profiler = new ColumnProfiler(table.Columns);
        profiler.Add(table);
        ValidationRun run = new DataValidator().Start(
            ColumnProfiler.Finish(profiler.ToPartial()),
            [
                new ColumnTypeRule("flag", "flag", ColumnType.Boolean),
                new ColumnTypeRule("bit", "bit", ColumnType.Boolean),
                new ColumnTypeRule("count", "count", ColumnType.Boolean),
                new ColumnTypeRule("code", "code", ColumnType.Categorical),
            ]);
        run.Inspect(table);
        RuleResult[] results = [.. run.Complete("t").Results];

        Assert.Equal([true, true, false, true], results.Select(r => r.Passed));
        Assert.Equal(("Boolean", "Integer"), (results[1].Expected, results[1].Observed));
        Assert.Equal(("2", 1L), (Assert.Single(results[2].Sample).Value, results[2].OffendingRows));
    }

    [Fact]
    public void Uniqueness_flags_repeats_after_the_first_occurrence()
    {
        RuleResult result = Validate(new UniqueRule("id-unique", "id")).Results[0];

        Assert.Equal(1, result.OffendingRows);
        Assert.Equal(3, result.Sample.Single().RecordNumber);
    }

    [Fact]
    public void Missing_share_is_judged_on_the_profile_with_missing_rows_as_evidence()
    {
        QualityReport report = Validate(
            new MaxMissingShareRule("tight", "score", 0.1),
            new MaxMissingShareRule("loose", "score", 0.2, RuleSeverity.Soft));

        Assert.Equal("11.111% missing (1 of 9 rows)", report.Results[0].Observed);
        Assert.False(report.Results[0].Passed);
        Assert.True(report.Results[1].Passed);
        Assert.Equal(2, report.Results[0].Sample.Single().RecordNumber);
    }

    [Theory]
    [InlineData("id", ColumnType.Integer, true)]
    [InlineData("id", ColumnType.Real, true)]
    [InlineData("id", ColumnType.Text, true)]
    [InlineData("kind", ColumnType.Categorical, true)]
    [InlineData("kind", ColumnType.Integer, false)]
    [InlineData("score", ColumnType.Real, false)]
    public void Type_rules_accept_compatible_types(string column, ColumnType expected, bool passes)
    {
        Assert.Equal(passes, Validate(new ColumnTypeRule("t", column, expected)).Results[0].Passed);
    }

    [Fact]
    public void Status_is_failed_on_a_hard_failure_and_passed_with_warnings_on_soft_ones()
    {
        Assert.Equal(QualityStatus.Passed, Validate(new MinRowCountRule("rows", 9)).Status);
        Assert.Equal(QualityStatus.PassedWithWarnings, Validate(new MinRowCountRule("rows", 10, RuleSeverity.Soft)).Status);
        Assert.Equal(
            QualityStatus.Failed,
            Validate(new MinRowCountRule("soft", 10, RuleSeverity.Soft), new MinRowCountRule("hard", 10)).Status);
    }

    [Fact]
    public void A_rule_on_a_missing_column_fails_rather_than_passing_silently()
    {
        RuleResult result = Validate(new RangeRule("typo", "scroe", 0, 1)).Results[0];

        Assert.False(result.Passed);
        Assert.Equal("column not found", result.Observed);
    }

    [Fact]
    public void Rule_ids_must_be_unique()
    {
        Assert.Throws<ArgumentException>(() => Validate(new MinRowCountRule("r", 1), new UniqueRule("r", "id")));
    }

    [Fact]
    public void Rules_are_read_from_json_by_kind()
    {
        const string json = """
            [
              { "kind": "range", "id": "r", "column": "score", "min": 0, "max": 100 },
              { "kind": "allowedValues", "id": "k", "column": "kind", "values": ["a", "b"], "severity": "Soft" },
              { "kind": "minRowCount", "id": "n", "minRows": 5, "name": "Enough rows" }
            ]
            """;

        DataRule[] rules = DataEngineeringJson.Deserialize<DataRule[]>(json);

        Assert.Equal(new RangeRule("r", "score", 0, 100), rules[0]);
        Assert.Equal(RuleSeverity.Soft, Assert.IsType<AllowedValuesRule>(rules[1]).Severity);
        Assert.Equal("Enough rows", rules[2].DisplayName);
        Assert.Contains("\"kind\": \"unique\"", DataEngineeringJson.Serialize<DataRule>(new UniqueRule("u", "id")), StringComparison.Ordinal);
    }
}
