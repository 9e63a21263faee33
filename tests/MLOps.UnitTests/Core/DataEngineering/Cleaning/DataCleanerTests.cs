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
        Normalise = [new NormaliseRule("home", ["rent", "owner", "parents"])],
        InvalidValues =
        [
            new InvalidValueRule(new RangeRule("age-range", "age", 18, 100), InvalidValueAction.Clip),
            new InvalidValueRule(new RangeRule("income-positive", "income", 0, null), InvalidValueAction.DropRow),
            new InvalidValueRule(new AllowedValuesRule("homes", "home", ["rent", "owner", "parents"], Normalised: true), InvalidValueAction.NullOut),
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
        Assert.Equal((9L, 7L, 1L, 1L, 1L), (report.RowsRead, report.RowsWritten, report.DuplicateRowsFound, report.DuplicateRowsDropped, report.InvalidRowsDropped));

        // "Other\u00A0 place" matches no allowed value, so it is not normalised but nulled out (then imputed).
        Assert.Equal(new ColumnCleaning("home", Present: 6, Normalised: 3, NulledOut: 1, Clipped: 0, Imputed: 2, FillValue: "rent", MissingAfter: 0, Constant: false, ConstantValue: null), report.Find("home"));
        Assert.Equal(new ColumnCleaning("income", 5, 0, 0, 0, 2, "80", 0, false, null), report.Find("income"));

        // Median of 10,25,30,30,41,50,60,200 is 35.5, rounded half-to-even to keep the column integer.
        Assert.Equal(new ColumnCleaning("age", 6, 0, 0, 2, 1, "36", 0, false, null), report.Find("age"));
        Assert.Equal(new ColumnCleaning("id", 7, 0, 0, 0, 0, null, 0, false, null), report.Find("id"));

        // Every rule that acted, in the order it first acted, with its before/after samples.
        Assert.Equal(
            ["home.normalise:Normalised:3", "age-range:Clipped:2", "income.impute:Imputed:2", "rows.duplicate:RowDropped:1", "age.impute:Imputed:1", "homes:NulledOut:1", "home.impute:Imputed:2", "income-positive:RowDropped:1"],
            report.Steps.Select(s => $"{s.Rule}:{s.Action}:{s.Count}"));
        Assert.Equal(
            [new ValueChange(1, "Rent", "rent"), new ValueChange(2, " rent ", "rent"), new ValueChange(4, "ＯＷＮＥＲ", "owner")],
            report.Steps[0].Samples);
        Assert.Equal([new ValueChange(6, "Other\u00A0 place", string.Empty)], report.Steps.Single(s => s.Rule == "homes").Samples);
        Assert.Equal([new ValueChange(3, "1,Rent,100,30", null)], report.Steps.Single(s => s.Rule == "rows.duplicate").Samples);
        Assert.Equal([new ValueChange(8, "-5", null)], report.Steps.Single(s => s.Rule == "income-positive").Samples);
    }

    [Fact]
    public void Without_opting_in_values_are_kept_byte_for_byte_and_duplicates_are_kept_but_counted()
    {
        CsvBatch table = DataFiles.Table(
            ["state", "contract"],
            ["KS", "Month-to-month"],
            ["OH", "Two year"],
            ["KS", "Month-to-month"],
            ["ks", "Month-to-month"]);
        var plan = new CleaningPlan
        {
            InvalidValues = [new InvalidValueRule(new AllowedValuesRule("state.allowed", "state", ["KS", "OH"]), InvalidValueAction.NullOut)],
        };
        CleaningRun run = new DataCleaner(plan).Start(table.Columns, new Dictionary<string, string>());

        CsvBatch cleaned = run.Clean(table);

        // Exact matching: the lower-case "ks" is not "KS", so it is the one value nulled out.
        Assert.Equal(["KS", "OH", "KS", string.Empty], cleaned.Records.Select(r => r.Fields[0]));
        Assert.Equal(["Month-to-month", "Two year", "Month-to-month", "Month-to-month"], cleaned.Records.Select(r => r.Fields[1]));
        Assert.Equal((4L, 4L, 1L, 0L), (run.Report.RowsRead, run.Report.RowsWritten, run.Report.DuplicateRowsFound, run.Report.DuplicateRowsDropped));
        CleaningStep duplicate = run.Report.Steps.Single(s => s.Rule == "rows.duplicate");
        Assert.Equal((CleaningAction.DuplicateKept, 1L), (duplicate.Action, duplicate.Count));
        Assert.Equal(new ColumnCleaning("state", 4, 0, 1, 0, 0, null, 1, false, null), run.Report.Find("state"));
        Assert.Equal(new ColumnCleaning("contract", 4, 0, 0, 0, 0, null, 0, false, null), run.Report.Find("contract"));
    }

    [Fact]
    public void A_column_left_with_one_value_is_reported_constant_with_that_value()
    {
        CsvBatch table = DataFiles.Table(["label", "x"], ["yes", "1"], ["YES", "2"], ["Yes", ""]);
        var plan = new CleaningPlan { Normalise = [new NormaliseRule("label", ["yes", "no"])] };
        CleaningRun run = new DataCleaner(plan).Start(table.Columns, new Dictionary<string, string>());

        run.Clean(table);

        Assert.Equal(new ColumnCleaning("label", 3, 2, 0, 0, 0, null, 0, true, "yes"), run.Report.Find("label"));
        Assert.Equal((false, 1L), (run.Report.Find("x")!.Constant, run.Report.Find("x")!.MissingAfter));
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
        Assert.Equal(new ColumnCleaning("v", 3, 0, 1, 2, 2, "-1", 0, false, null), run.Report.Find("v"));
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
