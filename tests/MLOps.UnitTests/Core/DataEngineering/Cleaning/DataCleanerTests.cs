using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.UnitTests.Core.DataEngineering.Cleaning;

public class DataCleanerTests
{
    private static readonly string[] Columns = ["id", "home", "income", "age"];

    private static readonly CsvBatch Table = DataFiles.Table(
        Columns,
        ["1", "Rent", "100", "30"],
        ["2", " rent ", "", "200"],
        ["1", "Rent", "100", "30"],
        ["4", "ＯＷＮＥＲ", "300", ""],
        ["5", "owner", "", "10"],
        ["6", "Other\u00A0 place", "50", "41"],
        ["7", "", "70", "50"],
        ["8", "rent", "-5", "25"],
        ["9", "parents", "80", "60"]);

    private static readonly CleaningPlan Plan = new()
    {
        DropDuplicateRows = true,
        NormaliseColumns = ["home"],
        InvalidValues =
        [
            new InvalidValueRule(new RangeRule("age-range", "age", 18, 100), InvalidValueAction.Clip),
            new InvalidValueRule(new RangeRule("income-positive", "income", 0, null), InvalidValueAction.DropRow),
            new InvalidValueRule(new AllowedValuesRule("homes", "home", ["rent", "owner", "parents"]), InvalidValueAction.NullOut),
        ],
        Imputations =
        [
            new ImputeRule("income", ImputeStrategy.Median),
            new ImputeRule("home", ImputeStrategy.Mode),
            new ImputeRule("age", ImputeStrategy.Median),
        ],
    };

    /// <summary>The fills the feature store fits on these rows (FeatureEngineerTests checks that fitting).</summary>
    private static readonly Dictionary<string, string> Fills = new() { ["income"] = "80", ["home"] = "rent", ["age"] = "36" };

    [Fact]
    public void Every_action_on_a_handmade_table_is_applied_and_counted()
    {
        CleaningRun run = new DataCleaner(Plan).Start(Columns, Fills);

        CsvBatch cleaned = run.Clean(Table);
        CleaningReport report = run.Report;

        Assert.Equal(
            [
                ["1", "rent", "100", "30"],
                ["2", "rent", "80", "100"],
                ["4", "owner", "300", "36"],
                ["5", "owner", "80", "18"],
                ["6", "rent", "50", "41"],
                ["7", "rent", "70", "50"],
                ["9", "parents", "80", "60"],
            ],
            cleaned.Records.Select(r => r.Fields.ToArray()));
        Assert.Equal([1L, 2, 4, 5, 6, 7, 9], cleaned.Records.Select(r => r.Number));
        Assert.Equal((9L, 7L, 1L, 1L), (report.RowsRead, report.RowsWritten, report.DuplicateRowsDropped, report.InvalidRowsDropped));
        Assert.Equal(new ColumnCleaning("home", Normalised: 4, NulledOut: 1, Clipped: 0, Imputed: 2, FillValue: "rent"), report.Find("home"));
        Assert.Equal(new ColumnCleaning("income", 0, 0, 0, 2, "80"), report.Find("income"));

        Assert.Equal(new ColumnCleaning("age", 0, 0, 2, 1, "36"), report.Find("age"));
        Assert.Equal(new ColumnCleaning("id", 0, 0, 0, 0, null), report.Find("id"));
    }

    [Fact]
    public void A_constant_fills_missing_values_and_clipping_a_non_number_nulls_it_out()
    {
        CsvBatch table = DataFiles.Table(["v"], ["5"], ["abc"], [""], ["-3"]);
        var plan = new CleaningPlan
        {
            InvalidValues = [new InvalidValueRule(new RangeRule("v", "v", 0, 4), InvalidValueAction.Clip)],
            Imputations = [new ImputeRule("v", ImputeStrategy.Constant, "-1")],
        };
        CleaningRun run = new DataCleaner(plan).Start(["v"], new Dictionary<string, string>());

        Assert.Equal(["4", "-1", "-1", "0"], run.Clean(table).Records.Select(r => r.Fields[0]));
        Assert.Equal(new ColumnCleaning("v", 0, 1, 2, 2, "-1"), run.Report.Find("v"));
    }

    [Fact]
    public void Plans_that_cannot_work_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new DataCleaner(new CleaningPlan
        {
            InvalidValues = [new InvalidValueRule(new AllowedValuesRule("a", "home", ["x"]), InvalidValueAction.Clip)],
        }));
        Assert.Throws<ArgumentException>(() => new DataCleaner(new CleaningPlan
        {
            InvalidValues = [new InvalidValueRule(new MinRowCountRule("n", 1), InvalidValueAction.DropRow)],
        }));
        ArgumentException noFill = Assert.Throws<ArgumentException>(() => new DataCleaner(new CleaningPlan
        {
            Imputations = [new ImputeRule("home", ImputeStrategy.Median)],
        }).Start(Columns, new Dictionary<string, string>()));
        Assert.Contains("'home'", noFill.Message, StringComparison.Ordinal);
    }
}
