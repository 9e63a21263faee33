using MLOps.Core;
using MLOps.Core.DataEngineering.Cleaning;
using MLOps.Core.DataEngineering.Csv;
using MLOps.Core.FeatureStore;
using MLOps.Core.FeatureStore.Engineering;
using MLOps.Core.FeatureStore.Holdout;
using MLOps.Core.FeatureStore.Offline;
using MLOps.Core.Requirements;
using MLOps.UnitTests.Core.DataEngineering;
using MLOps.UnitTests.Training;

namespace MLOps.UnitTests.Core.FeatureStore;

public class FeatureSetEngineeringTests
{
    private static readonly string[] Header = ["id", "ts", "x", "c", "y"];

    /// <summary>A small event-time spec: TimeOrdered by default, so the holdout is the latest rows.</summary>
    private static ProjectSpec Spec(IReadOnlyList<FeatureDefinition> features, ChangeGuard? guard = null) => CreditTables.Spec with
    {
        Target = new TargetSpec { Column = "y", PositiveClass = "yes" },
        EntityKey = new EntityKey { Column = "id" },
        EventTime = "ts",
        SensitiveAttributes = [],
        DataRules = new DataRules
        {
            MinRows = 1,
            ChangeGuard = guard ?? new ChangeGuard(),
            Columns =
            [
                new ColumnRule { Name = "id", Type = ColumnType.Text },
                new ColumnRule { Name = "ts", Type = ColumnType.DateTime },
                new ColumnRule { Name = "x", Type = ColumnType.Number, MaxMissingShare = 0.5 },
                new ColumnRule { Name = "c", Type = ColumnType.Text, MaxMissingShare = 0.5, Impute = ImputeStrategy.Mode },
                new ColumnRule { Name = "y", Type = ColumnType.Categorical, AllowedValues = ["yes", "no"] },
            ],
        },
        Features = features,
    };

    private static readonly FeatureDefinition[] Features =
    [
        new() { Name = "z", Sources = ["x"], Transform = new StandardizeTransform() },
        new() { Name = "c", Sources = ["c"], Transform = new OneHotTransform() },
    ];

    private static async IAsyncEnumerable<CsvBatch> Rows(string[][] rows)
    {
        await Task.Yield();
        yield return DataFiles.Table(Header, rows);
    }

    private static async Task<(FeatureSetWrite Write, List<FeatureFrame> Frames)> BuildAsync(ProjectSpec spec, string[][] rows)
    {
        using var output = new MemoryStream();
        FeatureSetWrite write = await FeatureSetEngineering.WriteAsync(spec, Header, Rows(rows), output);
        var frames = new List<FeatureFrame>();
        await foreach (FeatureFrame frame in FeatureParquetReader.ReadAsync(new MemoryStream(output.ToArray())))
        {
            frames.Add(frame);
        }

        return (write, frames);
    }

    private static string Day(int d) => $"2024-01-{d:D2}T00:00:00Z";

    [Fact]
    public async Task Nothing_is_fitted_on_the_holdout_rows()
    {
        // Ten labelled rows, one a day; TimeOrdered 0.2 holds out the two latest (days 9 and 10), which carry an
        // outlier of x, a category no training row has, and the only missing c of the later days.
        string[][] rows =
        [
            ["k1", Day(1), "1", "a", "yes"], ["k2", Day(2), "2", "a", "no"], ["k3", Day(3), "", "b", "no"],
            ["k4", Day(4), "4", "b", "yes"], ["k5", Day(5), "5", "", "no"], ["k6", Day(6), "6", "a", "no"],
            ["k7", Day(7), "7", "b", "yes"], ["k8", Day(8), "8", "a", "no"], ["k9", Day(9), "1000000", "zzz", "yes"],
            ["k10", Day(10), "3", "", "no"], ["k11", Day(11), "5", "a", ""],
        ];

        (FeatureSetWrite write, List<FeatureFrame> frames) = await BuildAsync(Spec(Features), rows);

        Assert.Equal(new HoldoutSplit(HoldoutStrategy.TimeOrdered, 0.2, 42, LabelledRows: 10, HoldoutRows: 2), write.Split);
        Assert.Equal(
            [false, false, false, false, false, false, false, false, true, true, false],
            frames.SelectMany(f => f.Holdout!));

        // x on the training rows 1..8: 1, 2, 4, 5, 6, 7, 8 (k3 missing) → median 5; imputed: 1, 2, 5, 4, 5, 6, 7, 8.
        // The holdout's 1,000,000 moves neither the fill nor the mean.
        double[] imputed = [1, 2, 5, 4, 5, 6, 7, 8];
        double mean = imputed.Average();
        double std = Math.Sqrt(imputed.Sum(v => (v - mean) * (v - mean)) / imputed.Length);
        FittedFeatureSet fitted = write.Features;
        Assert.Equal(new Dictionary<string, string> { ["x"] = "5", ["c"] = "a" }, fitted.Fills);
        Assert.Equal(mean, fitted.Features[0].Mean!.Value, 12);
        Assert.Equal(std, fitted.Features[0].StandardDeviation!.Value, 12);

        // c on the training rows: a ×4, b ×3, one missing → mode "a"; "zzz" is only in the holdout.
        Assert.Equal(["a", "b"], fitted.Features[1].Categories);
        Assert.Equal(["z", "c_a", "c_b"], frames[0].Features.Select(f => f.Name));
        double[] z = [.. frames.SelectMany(f => f.Features[0].Values)];
        Assert.Equal((1 - mean) / std, z[0], 12);
        Assert.Equal((1_000_000 - mean) / std, z[8], 6);

        // The holdout's unseen category is in no indicator; the guard counts it (1 of 11 values, present or imputed).
        FeatureLoss c = write.Engineering.Features.Single(l => l.Feature == "c");
        Assert.Equal((11L, 1L, "zzz"), (c.RowsWithSources, c.Unusable, Assert.Single(c.Samples)));
        Assert.Empty(write.Engineering.Warnings);

        // Cleaning imputed x once (k3) and c twice (k5, k10) with the training fills.
        Assert.Equal((1L, 2L), (write.Cleaning!.Find("x")!.Imputed, write.Cleaning.Find("c")!.Imputed));
    }

    [Fact]
    public async Task A_feature_that_loses_more_than_the_guard_share_fails_the_run_naming_it_or_warns_when_tolerated()
    {
        FeatureDefinition[] ratio =
        [
            new() { Name = "per_x", Sources = ["x", "c"], Transform = new RatioTransform { Numerator = "c", Denominator = "x" } },
        ];
        string[][] rows = [.. Enumerable.Range(1, 10).Select(i => new[] { $"k{i}", Day(i), i <= 3 ? "0" : "2", "4", i % 2 == 0 ? "yes" : "no" })];

        DataRejectedException error = await Assert.ThrowsAsync<DataRejectedException>(() => BuildAsync(Spec(ratio), rows));
        (FeatureSetWrite tolerated, _) = await BuildAsync(Spec(ratio, new ChangeGuard { Action = GuardAction.Warn }), rows);
        (FeatureSetWrite looser, _) = await BuildAsync(Spec(ratio, new ChangeGuard { MaxShare = 0.5 }), rows);

        // Rows 1-3 have a zero denominator: 3 of 10 present values (30%) are lost, over the default 20%.
        Assert.Contains("feature 'per_x'", error.Message, StringComparison.Ordinal);
        Assert.Contains("column(s) 'c', 'x'", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 of 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("'4, 0'", error.Message, StringComparison.Ordinal);
        Assert.Contains("changeGuard", error.Message, StringComparison.Ordinal);
        Assert.Contains("feature 'per_x'", Assert.Single(tolerated.Engineering.Warnings), StringComparison.Ordinal);
        Assert.Empty(looser.Engineering.Warnings);
        Assert.Equal(0.3, looser.Engineering.Features.Single().Share, 12);
    }

    [Fact]
    public async Task A_source_column_with_its_own_guard_decides_for_its_features()
    {
        FeatureDefinition[] ratio =
        [
            new() { Name = "per_x", Sources = ["x", "c"], Transform = new RatioTransform { Numerator = "c", Denominator = "x" } },
        ];
        string[][] rows = [.. Enumerable.Range(1, 10).Select(i => new[] { $"k{i}", Day(i), i <= 3 ? "0" : "2", "4", i % 2 == 0 ? "yes" : "no" })];
        ProjectSpec strictOverall = Spec(ratio);
        ProjectSpec tolerantX = WithColumnGuard(strictOverall, "x", new ChangeGuard { Action = GuardAction.Warn });
        ProjectSpec stricterX = WithColumnGuard(Spec(ratio, new ChangeGuard { MaxShare = 0.5 }), "x", new ChangeGuard { MaxShare = 0.1 });

        // 30% of per_x is lost (zero denominators). x's own Warn guard tolerates it although the general guard fails;
        // x's own 10% limit fails it although the general 50% would pass.
        (FeatureSetWrite tolerated, _) = await BuildAsync(tolerantX, rows);
        DataRejectedException error = await Assert.ThrowsAsync<DataRejectedException>(() => BuildAsync(stricterX, rows));

        Assert.Contains("limit 20%", Assert.Single(tolerated.Engineering.Warnings), StringComparison.Ordinal);
        Assert.Contains("feature 'per_x'", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit 10%", error.Message, StringComparison.Ordinal);
    }

    private static ProjectSpec WithColumnGuard(ProjectSpec spec, string column, ChangeGuard guard) => spec with
    {
        DataRules = spec.DataRules with
        {
            Columns = [.. spec.DataRules.Columns.Select(c => c.Name == column ? c with { ChangeGuard = guard } : c)],
        },
    };

    [Fact]
    public async Task Non_finite_text_in_a_numeric_column_is_missing_and_counted()
    {
        string[][] rows = [.. Enumerable.Range(1, 10).Select(i => new[] { $"k{i}", Day(i), i == 4 ? "Infinity" : i == 5 ? "NaN" : $"{i}", "a", i % 2 == 0 ? "yes" : "no" })];
        FeatureDefinition[] identity = [new() { Name = "x", Sources = ["x"], Transform = new IdentityTransform() }];

        (FeatureSetWrite write, List<FeatureFrame> frames) = await BuildAsync(Spec(identity, new ChangeGuard { Action = GuardAction.Warn }), rows);

        double[] x = [.. frames.SelectMany(f => f.Features[0].Values)];
        Assert.True(double.IsNaN(x[3]) && double.IsNaN(x[4]));
        Assert.DoesNotContain(x, double.IsInfinity);
        Assert.Equal(["Infinity", "NaN"], write.Engineering.Features.Single().Samples);
    }

    [Fact]
    public async Task The_churn_set_counts_its_zero_denominators_without_failing()
    {
        ProjectSpec spec = ProjectSpecJson.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "shared", "specs", "telecom-churn.json")));
        IReadOnlyList<string> columns = (await DataFiles.ReadAllAsync(DataFiles.Open(DataFiles.Churn))).Columns;

        FeatureSetWrite write = await FeatureSetEngineering.WriteAsync(spec, columns, DataFiles.Batches(DataFiles.Churn), Stream.Null);

        // pandas: 5,000 rows, no duplicates, 707 "yes"; 24 rows with total_intl_calls == 0 → round(0.2 × 707) = 141
        // and round(0.2 × 4,293) = 859 held out; intl_minutes_per_call is missing (a zero denominator) in 24 rows.
        Assert.Equal(new HoldoutSplit(HoldoutStrategy.Stratified, 0.2, 42, 5000, 1000), write.Split);
        FeatureLoss ratio = write.Engineering.Features.Single(f => f.Feature == "intl_minutes_per_call");
        Assert.Equal((5000L, 24L), (ratio.RowsWithSources, ratio.Unusable));
        Assert.Empty(write.Engineering.Warnings);
    }

    [Fact]
    public async Task The_credit_set_records_its_split_and_fits_on_the_training_rows_as_the_reference_script_does()
    {
        FeatureSetWrite write = await CreditTables.WriteAsync();

        // /usr/bin/python3 tests/reference/credit_split_reference.py:
        //   rows 4454, holdout 891 (bad 251), training 3563
        //   fills {'Income': 125.0, 'Assets': 3500.0, 'Debt': 0.0, 'Home': 'owner', 'Marital': 'married', 'Job': 'fixed'}
        //   Seniority mean 8.10524838619141 std 8.22405055536731  (all rows: mean 7.986753480017962)
        //   Expenses mean 55.68229020488352 std 19.460203224680498
        //   (compared to 1e-10: numpy sums pairwise, the fitter in row order, so the last digits differ)
        //   Home categories ['ignore', 'other', 'owner', 'parents', 'priv', 'rent'] (Records: no, yes; Job: fixed, freelance, others, partime)
        Assert.Equal(new HoldoutSplit(HoldoutStrategy.Stratified, 0.2, 42, 4454, 891), write.Split);
        Assert.Equal(
            new Dictionary<string, string> { ["Income"] = "125", ["Assets"] = "3500", ["Debt"] = "0", ["Home"] = "owner", ["Marital"] = "married", ["Job"] = "fixed" },
            write.Features.Fills);
        FittedFeature seniority = write.Features.Features.Single(f => f.Definition.Name == "seniority");
        FittedFeature expenses = write.Features.Features.Single(f => f.Definition.Name == "expenses");
        Assert.Equal(8.10524838619141, seniority.Mean!.Value, 1e-10);
        Assert.Equal(8.22405055536731, seniority.StandardDeviation!.Value, 1e-10);
        Assert.Equal(55.68229020488352, expenses.Mean!.Value, 1e-10);
        Assert.Equal(19.460203224680498, expenses.StandardDeviation!.Value, 1e-10);
        Assert.Equal(["ignore", "other", "owner", "parents", "priv", "rent"], write.Features.Features.Single(f => f.Definition.Name == "home").Categories);
        Assert.Equal(["fixed", "freelance", "others", "partime"], write.Features.Features.Single(f => f.Definition.Name == "job").Categories);

        // Nothing lost: every present value of the credit data is usable.
        Assert.All(write.Engineering.Features, f => Assert.Equal(0, f.Unusable));
        Assert.Equal(4454, write.Engineering.Rows);
    }
}
