using MLOps.Core.DataEngineering;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;
using MLOps.Core.Requirements;
using MLOps.UnitTests.Core.Requirements;

namespace MLOps.UnitTests.Core.DataEngineering;

public sealed class DataContractTests
{
    [Fact]
    public async Task The_credit_spec_passes_its_own_data_with_the_soft_income_rule_only_noted()
    {
        QualityReport report = await Validate(SpecFixtures.CreditSpec, DataFiles.CreditData);

        Assert.Equal(QualityStatus.Passed, report.Status);
        Assert.Contains(report.Results, r => r.RuleId == "Income.missing" && r.Severity == MLOps.Core.DataEngineering.Validation.RuleSeverity.Soft);
        Assert.Contains(report.Results, r => r.RuleId == "rows.min" && r.Passed);
    }

    [Fact]
    public async Task The_churn_spec_passes_the_churn_data()
    {
        QualityReport report = await Validate(SpecFixtures.ChurnSpec, DataFiles.Churn);

        Assert.Empty(report.Results.Where(r => !r.Passed).Select(r => r.RuleId));
    }

    [Fact]
    public async Task A_tightened_churn_spec_fails_naming_each_violated_rule()
    {
        ProjectSpec spec = SpecFixtures.ChurnSpec;
        DataRules tightened = spec.DataRules with
        {
            MinRows = 6000,
            Columns = spec.DataRules.Columns
                .Select(c => c.Name == "total_day_minutes" ? c with { Max = 300 } : c)
                .ToArray(),
        };

        QualityReport report = await Validate(spec with { DataRules = tightened }, DataFiles.Churn);

        Assert.Equal(QualityStatus.Failed, report.Status);
        Assert.Equal(["rows.min", "total_day_minutes.range"], report.Results.Where(r => !r.Passed).Select(r => r.RuleId).Order());
        RuleResult range = report.Results.Single(r => r.RuleId == "total_day_minutes.range");
        Assert.True(range.OffendingRows > 0);
        Assert.NotEmpty(range.Sample);
    }

    [Fact]
    public void The_cleaning_plan_imputes_tolerated_gaps_but_never_the_target()
    {
        CleaningPlan plan = DataContract.CleaningPlan(SpecFixtures.CreditSpec.DataRules, "Status");

        Assert.False(plan.DropDuplicateRows);
        Assert.Equal(
            ["Assets:Median", "Debt:Median", "Home:Mode", "Income:Median", "Job:Mode", "Marital:Mode"],
            plan.Imputations.Select(i => $"{i.Column}:{i.Strategy}").Order());
        Assert.Empty(plan.Normalise);
        Assert.DoesNotContain(plan.Imputations, i => i.Column == "Status");
    }

    [Fact]
    public void Normalisation_and_dropping_duplicates_happen_only_where_the_spec_opts_in()
    {
        DataRules rules = new()
        {
            MinRows = 1,
            DropDuplicateRows = true,
            Columns =
            [
                new ColumnRule { Name = "plan", Type = MLOps.Core.Requirements.ColumnType.Categorical, AllowedValues = ["Month-to-month", "Two year"], Normalise = true },
                new ColumnRule { Name = "state", Type = MLOps.Core.Requirements.ColumnType.Categorical, AllowedValues = ["KS"] },
            ],
        };

        CleaningPlan plan = DataContract.CleaningPlan(rules, targetColumn: null);
        IReadOnlyList<DataRule> validation = DataContract.ValidationRules(rules);

        Assert.True(plan.DropDuplicateRows);
        Assert.Equal(new NormaliseRule("plan", ["Month-to-month", "Two year"]), Assert.Single(plan.Normalise), NormaliseRuleComparer);
        Assert.Equal([true, false], validation.OfType<AllowedValuesRule>().Select(r => r.Normalised));
        Assert.Equal("Month-to-month", Assert.Single(plan.Normalise).Spelling().Clean(" MONTH-TO-MONTH "));
    }

    [Fact]
    public void The_spec_rules_add_the_target_classes_for_classification_and_skip_a_generated_key()
    {
        ProjectSpec spec = SpecFixtures.CreditSpec with
        {
            DataRules = SpecFixtures.CreditSpec.DataRules with
            {
                Columns = [.. SpecFixtures.CreditSpec.DataRules.Columns, new ColumnRule { Name = "application_id", Type = MLOps.Core.Requirements.ColumnType.Integer, Unique = true }],
            },
        };

        IReadOnlyList<DataRule> rules = DataContract.ValidationRules(spec);

        TargetClassesRule classes = Assert.Single(rules.OfType<TargetClassesRule>());
        Assert.Equal(("Status.classes", 2, 2, "bad"), (classes.Id, classes.MinClasses, classes.MaxClasses, classes.RequiredClass));
        Assert.DoesNotContain(rules, r => r.Id.StartsWith("application_id.", StringComparison.Ordinal));
        Assert.Empty(DataContract.ValidationRules(spec with { Task = ModelTask.Regression, Target = new TargetSpec { Column = "Price" } }).OfType<TargetClassesRule>());
    }

    [Fact]
    public async Task Churn_data_relabelled_to_a_single_class_is_refused_by_validation_naming_the_class()
    {
        string text = (await File.ReadAllTextAsync(DataFiles.Churn)).Replace(",\"yes\"\n", ",\"no\"\n", StringComparison.Ordinal);
        await using var reader = DataFiles.FromText(text);
        DatasetProfile profile = await ColumnProfiler.ProfileAsync(reader);
        await using var rows = DataFiles.FromText(text);

        QualityReport report = await new DataValidator().ValidateAsync("one-class", profile, DataContract.ValidationRules(SpecFixtures.ChurnSpec), rows.ReadBatchesAsync());

        Assert.Equal(QualityStatus.Failed, report.Status);
        RuleResult classes = Assert.Single(report.Results, r => !r.Passed);
        Assert.Equal("churn.classes", classes.RuleId);
        Assert.Equal("a single class: 'no' (5000); the positive class 'yes' does not occur", classes.Observed);
    }

    [Fact]
    public void Declared_impute_and_invalid_actions_override_the_defaults()
    {
        DataRules rules = new()
        {
            MinRows = 1,
            Columns =
            [
                new ColumnRule { Name = "x", Type = MLOps.Core.Requirements.ColumnType.Number, Max = 10, Impute = ImputeStrategy.Constant, ImputeConstant = "0", OnInvalid = InvalidValueAction.Clip, Severity = MLOps.Core.Requirements.RuleSeverity.Soft },
                new ColumnRule { Name = "c", Type = MLOps.Core.Requirements.ColumnType.Categorical, AllowedValues = ["a"], OnInvalid = InvalidValueAction.Clip },
            ],
        };

        CleaningPlan plan = DataContract.CleaningPlan(rules, targetColumn: null);

        Assert.Equal(new ImputeRule("x", ImputeStrategy.Constant, "0"), plan.Imputations[0]);
        Assert.Equal(InvalidValueAction.Clip, plan.InvalidValues.Single(r => r.Rule is RangeRule).Action);
        Assert.Equal(InvalidValueAction.NullOut, plan.InvalidValues.Single(r => r.Rule is AllowedValuesRule).Action);
    }

    private static readonly IEqualityComparer<NormaliseRule> NormaliseRuleComparer = EqualityComparer<NormaliseRule>.Create(
        (a, b) => a!.Column == b!.Column && a.AllowedValues!.SequenceEqual(b.AllowedValues!), r => r.Column.GetHashCode(StringComparison.Ordinal));

    private static async Task<QualityReport> Validate(ProjectSpec spec, string path)
    {
        DatasetProfile profile = await DataFiles.ProfileAsync(path);
        return await new DataValidator().ValidateAsync(
            Path.GetFileName(path), profile, DataContract.ValidationRules(spec), DataFiles.Batches(path));
    }
}
