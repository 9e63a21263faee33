using MLOps.Core.DataEngineering;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Requirements;

public sealed class FeasibilityCheckerTests
{
    [Fact]
    public void Credit_spec_is_feasible_on_the_credit_data()
    {
        FeasibilityReport report = FeasibilityChecker.Check(SpecFixtures.CreditSpec, SpecFixtures.CreditData);

        Assert.True(report.Passed, string.Join(Environment.NewLine, report.Findings));
        Assert.Empty(report.Findings);
        Assert.Equal(4454, report.Rows);
        LabelBalance balance = report.Balance!;
        Assert.Equal("bad", balance.MinorityClass);
        Assert.Equal(1254, balance.Counts["bad"]);
        Assert.Equal(3200, balance.Counts["good"]);

        // /usr/bin/python3 tests/reference/requirements_reference.py: credit_bad_share.
        Assert.Equal(0.2815446789402784, balance.MinorityShare, 1e-12);

        // The same script: roc_auc_score(Status == "bad", Amount) = 0.5945980362838915 on all 4454 rows; for
        // Income (missing dropped, 4073 rows) roc_auc_score = 0.36425859788611875, so separation = 1 - that.
        ColumnSignal amount = report.Signals.Single(s => s.Column == "Amount");
        Assert.Equal(("AUC", 4454), (amount.Statistic, amount.Rows));
        Assert.Equal(0.5945980362838915, amount.Value, 1e-9);
        ColumnSignal income = report.Signals.Single(s => s.Column == "Income");
        Assert.Equal(4073, income.Rows);
        Assert.Equal(1 - 0.36425859788611875, income.Value, 1e-9);

        // The same script: credit_home_iv (one bin per category, missing dropped).
        Assert.Equal(0.246366063620431, report.Signals.Single(s => s.Column == "Home").InformationValue!.Value, 1e-9);
    }

    [Fact]
    public void Churn_spec_is_feasible_on_the_churn_data()
    {
        FeasibilityReport report = FeasibilityChecker.Check(SpecFixtures.ChurnSpec, SpecFixtures.ChurnData);

        Assert.True(report.Passed, string.Join(Environment.NewLine, report.Findings));
        Assert.Equal(("yes", 707L), (report.Balance!.MinorityClass, report.Balance.Counts["yes"]));

        // /usr/bin/python3 tests/reference/requirements_reference.py: churn_service_calls_auc.
        Assert.Equal(0.6151855377211876, report.Signals.Single(s => s.Column == "number_customer_service_calls").Value, 1e-9);
    }

    [Theory]
    [InlineData("Integer", "1", "0")]
    [InlineData("Categorical", "BAD", "GOOD")]
    public void A_copy_of_the_target_is_flagged_as_leakage(string type, string bad, string good)
    {
        DataSample data = SpecFixtures.CreditData.WithColumn("StatusCopy", row => row("Status") == "bad" ? bad : good);
        ProjectSpec spec = WithColumnFeature(SpecFixtures.CreditSpec, "StatusCopy", Enum.Parse<ColumnType>(type));
        Assert.Empty(ProjectSpecValidator.Validate(spec));

        FeasibilityReport report = FeasibilityChecker.Check(spec, data);

        Assert.False(report.Passed);
        FeasibilityFinding leak = Assert.Single(report.Of(FeasibilityCheck.Leakage));
        Assert.Equal(("status_copy", "StatusCopy", 1.0, 0.98), (leak.Feature, leak.Column, leak.Actual, leak.Limit));
        Assert.Equal(FindingSeverity.Error, leak.Severity);
        Assert.Contains("AUC 1.0000", leak.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_almost_perfect_proxy_below_the_threshold_is_not_leakage()
    {
        // Flip the copy on every 20th row: AUC drops to about 0.95, a strong but plausible predictor.
        int row = 0;
        DataSample data = SpecFixtures.CreditData.WithColumn("Noisy", get => (get("Status") == "bad") ^ (row++ % 20 == 0) ? "1" : "0");
        ProjectSpec spec = WithColumnFeature(SpecFixtures.CreditSpec, "Noisy", ColumnType.Integer);

        FeasibilityReport report = FeasibilityChecker.Check(spec, data);

        Assert.Empty(report.Of(FeasibilityCheck.Leakage));
        Assert.InRange(report.Signals.Single(s => s.Column == "Noisy").Value, 0.9, 0.98);
    }

    [Fact]
    public void Regression_leakage_uses_the_absolute_correlation()
    {
        // Predicting Price: Amount is a real predictor (r = 0.725, scipy.stats.pearsonr in the reference script);
        // a rescaled copy of Price is not.
        DataSample data = SpecFixtures.CreditData.WithColumn("PriceInCents", row => (double.Parse(row("Price")!, System.Globalization.CultureInfo.InvariantCulture) * -100).ToString(System.Globalization.CultureInfo.InvariantCulture));
        ProjectSpec spec = WithColumnFeature(SpecFixtures.CreditSpec, "PriceInCents", ColumnType.Number) with
        {
            Task = ModelTask.Regression,
            Target = new TargetSpec { Column = "Price" },
            Acceptance = new AcceptanceGate { Metric = AcceptanceMetric.R2, Threshold = 0.5, Direction = GateDirection.AtLeast },
            Features = [.. WithColumnFeature(SpecFixtures.CreditSpec, "PriceInCents", ColumnType.Number).Features.Where(f => !f.Sources.Contains("Price"))],
        };
        Assert.Empty(ProjectSpecValidator.Validate(spec));

        FeasibilityReport report = FeasibilityChecker.Check(spec, data);

        Assert.Equal("PriceInCents", Assert.Single(report.Of(FeasibilityCheck.Leakage)).Column);
        ColumnSignal amount = report.Signals.Single(s => s.Column == "Amount");
        Assert.Equal("|r|", amount.Statistic);
        Assert.Equal(0.7250062502073101, amount.Value, 1e-9);
        Assert.Null(report.Balance);
    }

    [Fact]
    public void A_two_percent_label_is_flagged_as_imbalanced_with_its_share()
    {
        string?[][] rows = Enumerable.Range(0, 5000)
            .Select(i => new string?[] { (i % 50 == 0) ? "bad" : "good", (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ToArray();
        DataSample data = new(["Status", "Time"], rows);
        ProjectSpec spec = SpecFixtures.CreditSpec with
        {
            DataRules = new DataRules { MinRows = 1000, Columns = [SpecFixtures.CreditSpec.DataRules.Find("Status")!, new ColumnRule { Name = "Time", Type = ColumnType.Integer }] },
            Features = [new FeatureDefinition { Name = "time", Sources = ["Time"], Transform = new IdentityTransform() }],
            SensitiveAttributes = [],
        };

        FeasibilityReport report = FeasibilityChecker.Check(spec, data);

        FeasibilityFinding flag = Assert.Single(report.Of(FeasibilityCheck.LabelBalance));
        Assert.Equal(FindingSeverity.Warning, flag.Severity);
        Assert.Equal(0.02, flag.Actual!.Value, 1e-12);
        Assert.Equal(0.05, flag.Limit);
        Assert.Contains("'bad' is 2.00% of labelled rows (100 of 5000), below 5.00%", flag.Message, StringComparison.Ordinal);
        Assert.True(report.Passed);
    }

    [Fact]
    public void Too_few_rows_fail_unless_the_sample_stands_for_a_larger_population()
    {
        DataSample head = new(SpecFixtures.CreditData.Columns, SpecFixtures.CreditData.Rows.Take(500).ToArray());

        FeasibilityFinding finding = Assert.Single(FeasibilityChecker.Check(SpecFixtures.CreditSpec, head).Findings);
        Assert.Equal((FeasibilityCheck.MinRows, 500.0, 2000.0), (finding.Check, finding.Actual, finding.Limit));
        Assert.True(FeasibilityChecker.Check(SpecFixtures.CreditSpec, head with { PopulationRows = 4454 }).Passed);
    }

    [Fact]
    public void Missing_columns_label_and_excess_missing_values_are_reported()
    {
        DataSample credit = SpecFixtures.CreditData;
        string[] keep = [.. credit.Columns.Where(c => c is not ("Status" or "Debt"))];
        DataSample data = new(keep, credit.Rows.Select(r => keep.Select(c => r[credit.IndexOf(c)]).ToArray()).ToArray());
        ProjectSpec spec = SpecFixtures.CreditSpec with
        {
            DataRules = SpecFixtures.CreditSpec.DataRules with
            {
                Columns = [.. SpecFixtures.CreditSpec.DataRules.Columns.Select(c => c.Name == "Income" ? c with { MaxMissingShare = 0.05 } : c)],
            },
        };

        FeasibilityReport report = FeasibilityChecker.Check(spec, data);

        Assert.False(report.Passed);
        Assert.Equal(["Status", "Debt"], report.Of(FeasibilityCheck.ColumnPresent).Select(f => f.Column));
        Assert.Single(report.Of(FeasibilityCheck.LabelPresent));
        FeasibilityFinding income = Assert.Single(report.Of(FeasibilityCheck.MissingShare));
        Assert.Equal(FindingSeverity.Warning, income.Severity);

        // /usr/bin/python3 tests/reference/requirements_reference.py: credit_income_missing_share.
        Assert.Equal(0.0855410866636731, income.Actual!.Value, 1e-12);
    }

    [Fact]
    public void A_positive_class_absent_from_the_data_is_an_error()
    {
        ProjectSpec spec = SpecFixtures.CreditSpec with { Target = new TargetSpec { Column = "Status", PositiveClass = "default" } };

        FeasibilityReport report = FeasibilityChecker.Check(spec, SpecFixtures.CreditData);

        Assert.Contains(report.Of(FeasibilityCheck.LabelValues), f => f.Message.Contains("'default'", StringComparison.Ordinal));
    }

    private static ProjectSpec WithColumnFeature(ProjectSpec spec, string column, ColumnType type) => spec with
    {
        DataRules = spec.DataRules with { Columns = [.. spec.DataRules.Columns, new ColumnRule { Name = column, Type = type }] },
        Features = [.. spec.Features, new FeatureDefinition { Name = "status_copy", Sources = [column], Transform = new IdentityTransform() }],
    };
}
