using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.Requirements;
using MLOps.UnitTests.Core.Requirements;
using SpecType = MLOps.Core.Requirements.ColumnType;

namespace MLOps.UnitTests.Core.DataEngineering.Cleaning;

/// <summary>
/// The change guard on real and handmade data. Churn figures (counted with Python's csv module, see
/// ChurnValidationTests): 5000 rows, 51 states, every state upper case, no missing values.
/// </summary>
public class CleaningGuardTests
{
    private static readonly string[] States = [.. SpecFixtures.ChurnSpec.DataRules.Find("state")!.AllowedValues!];

    [Fact]
    public async Task Declaring_states_in_lower_case_without_normalising_fails_naming_the_column_the_rule_and_the_values()
    {
        ProjectSpec spec = EditChurnState(c => c with { AllowedValues = [.. States.Select(s => s.ToLowerInvariant())], Severity = MLOps.Core.Requirements.RuleSeverity.Soft });

        CleaningVerdict verdict = CleaningGuard.Review(spec, await CleanChurn(spec));

        Assert.False(verdict.Passed);
        CleaningFinding finding = Assert.Single(verdict.Failures);
        Assert.Equal((CleaningFindingKind.ColumnChanged, GuardAction.Fail, "state", 1.0, 0.2), (finding.Kind, finding.Outcome, finding.Column, finding.Share, finding.Limit));
        Assert.StartsWith("cleaning nulled out or changed 5000 of 5000 present values (100%) of column 'state', above its change guard's 20%: state.allowed nulled out 5000 (e.g. record 1: 'KS' → '', record 2: 'OH' → ''", finding.Message, StringComparison.Ordinal);
        Assert.Contains("set action Warn in the changeGuard of column 'state'", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Message, verdict.DescribeFailures(), StringComparison.Ordinal);

        // And the feature that reads the emptied column is named too.
        Assert.Equal(
            "column 'state', read by feature(s) 'state_hash', holds no value after cleaning: those features carry no information",
            Assert.Single(verdict.Warnings).Message);
    }

    [Fact]
    public async Task A_column_marked_tolerable_warns_instead_and_a_higher_share_lets_it_pass_silently()
    {
        ProjectSpec warn = EditChurnState(c => c with
        {
            AllowedValues = [.. States.Where(s => s != "WV")], Severity = MLOps.Core.Requirements.RuleSeverity.Soft, ChangeGuard = new ChangeGuard { MaxShare = 0, Action = GuardAction.Warn },
        });
        ProjectSpec tolerant = EditChurnState(c => c with { AllowedValues = [.. States.Where(s => s != "WV")], Severity = MLOps.Core.Requirements.RuleSeverity.Soft, ChangeGuard = new ChangeGuard { MaxShare = 0.05 } });

        CleaningVerdict warned = CleaningGuard.Review(warn, await CleanChurn(warn));
        CleaningVerdict passed = CleaningGuard.Review(tolerant, await CleanChurn(tolerant));

        // West Virginia: 158 of 5000 rows (Counter of the state column), 3.16%.
        CleaningFinding warning = Assert.Single(warned.Findings);
        Assert.True(warned.Passed);
        Assert.Equal((GuardAction.Warn, 158 / 5000.0), (warning.Outcome, warning.Share));
        Assert.Contains("'WV' → ''", warning.Message, StringComparison.Ordinal);
        Assert.True(passed is { Passed: true, Findings.Count: 0 });
    }

    [Fact]
    public void Clipped_and_normalised_values_count_as_changes_imputed_ones_do_not()
    {
        CsvBatch table = DataFiles.Table(
            ["y", "age", "city", "income"],
            ["a", "10", "Paris", ""], ["b", "20", "paris", ""], ["a", "30", "PARIS", ""], ["b", "40", "Rome", ""], ["a", "150", "rome", "5"],
            ["b", "50", "Rome", ""], ["a", "60", "Rome", ""], ["b", "70", "Rome", ""], ["a", "80", "Rome", "7"], ["b", "90", "Rome", "9"]);
        ProjectSpec spec = Spec(
            [
                new ColumnRule { Name = "y", Type = SpecType.Categorical },
                new ColumnRule { Name = "age", Type = SpecType.Integer, Min = 15, Max = 100, Severity = MLOps.Core.Requirements.RuleSeverity.Soft, OnInvalid = InvalidValueAction.Clip },
                new ColumnRule { Name = "city", Type = SpecType.Categorical, AllowedValues = ["Paris", "Rome"], Normalise = true },
                new ColumnRule { Name = "income", Type = SpecType.Integer },
            ],
            features: ["age", "city", "income"]);

        CleaningVerdict verdict = CleaningGuard.Review(spec, Clean(spec, table));

        // age: 10 and 150 clipped = 2 of 10 = 20%, not above; city: 3 rewritten of 10 = 30%; income: 7 imputed, 0 changed.
        CleaningFinding city = Assert.Single(verdict.Findings);
        Assert.Equal(("city", 0.3), (city.Column, city.Share));
        Assert.Contains("city.normalise normalised 3 (e.g. record 2: 'paris' → 'Paris', record 3: 'PARIS' → 'Paris', record 5: 'rome' → 'Rome')", city.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dropping_more_rows_than_the_guard_allows_fails_naming_the_rules()
    {
        CsvBatch table = DataFiles.Table(
            ["y", "x"],
            ["a", "1"], ["b", "-1"], ["a", "2"], ["b", "-2"], ["a", "3"], ["b", "4"], ["a", "-3"], ["b", "5"], ["a", "6"], ["b", "7"]);
        ProjectSpec spec = Spec(
            [
                new ColumnRule { Name = "y", Type = SpecType.Categorical },
                new ColumnRule { Name = "x", Type = SpecType.Integer, Min = 0, Severity = MLOps.Core.Requirements.RuleSeverity.Soft, OnInvalid = InvalidValueAction.DropRow },
            ],
            features: ["x"]);

        CleaningVerdict verdict = CleaningGuard.Review(spec, Clean(spec, table));

        CleaningFinding rows = Assert.Single(verdict.Failures);
        Assert.Equal((CleaningFindingKind.RowsDropped, (string?)null, 0.3), (rows.Kind, rows.Column, rows.Share));
        Assert.Contains("cleaning dropped 3 of 10 rows (30%), above the change guard's 20%: x.range dropped 3 (e.g. record 2: '-1' → row dropped", rows.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_folded_into_one_class_fails_and_a_constant_feature_source_warns()
    {
        CsvBatch table = DataFiles.Table(["label", "x", "k"], ["Yes", "1", "7"], ["yes", "2", "7"], ["YES ", "3", "7"], ["yes", "4", "7"]);
        ProjectSpec spec = Spec(
            [
                new ColumnRule { Name = "label", Type = SpecType.Categorical, AllowedValues = ["yes", "no"], Normalise = true, ChangeGuard = new ChangeGuard { MaxShare = 1 } },
                new ColumnRule { Name = "x", Type = SpecType.Integer },
                new ColumnRule { Name = "k", Type = SpecType.Integer },
            ],
            features: ["x", "k"],
            target: "label");

        CleaningVerdict verdict = CleaningGuard.Review(spec, Clean(spec, table));

        Assert.Equal(
            [
                (CleaningFindingKind.TargetConstant, GuardAction.Fail, "label", "the target 'label' is left with a single class after cleaning: every labelled row holds 'yes'"),
                (CleaningFindingKind.FeatureConstant, GuardAction.Warn, "k", "column 'k', read by feature(s) 'f_k', holds the single value '7' after cleaning: those features carry no information"),
            ],
            verdict.Findings.Select(f => (f.Kind, f.Outcome, f.Column!, f.Message)));
    }

    private static ProjectSpec EditChurnState(Func<ColumnRule, ColumnRule> edit)
    {
        ProjectSpec spec = SpecFixtures.ChurnSpec;
        return spec with { DataRules = spec.DataRules with { Columns = [.. spec.DataRules.Columns.Select(c => c.Name == "state" ? edit(c) : c)] } };
    }

    private static async Task<CleaningReport> CleanChurn(ProjectSpec spec)
    {
        DatasetProfile profile = await DataFiles.ProfileAsync(DataFiles.Churn);
        CleaningRun run = Cleaner(spec).Start(profile.Columns.Select(c => c.Name).ToArray(), new Dictionary<string, string>());
        await foreach (CsvBatch batch in DataFiles.Batches(DataFiles.Churn))
        {
            run.Clean(batch);
        }

        return run.Report;
    }

    private static CleaningReport Clean(ProjectSpec spec, CsvBatch table)
    {
        CleaningRun run = Cleaner(spec).Start(table.Columns, new Dictionary<string, string>());
        run.Clean(table);
        return run.Report;
    }

    /// <summary>The pipeline's cleaning pass as the guard judges it: everything but imputation.</summary>
    private static DataCleaner Cleaner(ProjectSpec spec) =>
        new(DataContract.CleaningPlan(spec.DataRules, spec.Target.Column) with { Imputations = [] });

    /// <summary>A classification spec over the given columns; one identity feature "f_{column}" per feature column.</summary>
    private static ProjectSpec Spec(IReadOnlyList<ColumnRule> columns, IReadOnlyList<string> features, string target = "y") => SpecFixtures.CreditSpec with
    {
        Task = ModelTask.MulticlassClassification,
        Target = new TargetSpec { Column = target },
        DataRules = new DataRules { MinRows = 1, Columns = columns },
        Features = [.. features.Select(f => new FeatureDefinition { Name = $"f_{f}", Sources = [f], Transform = new IdentityTransform() })],
        SensitiveAttributes = [],
    };
}
