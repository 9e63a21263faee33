using MLOps.Core.DataEngineering.Profiling;
using MLOps.Core.DataEngineering.Validation;

namespace MLOps.UnitTests.Core.DataEngineering.Validation;

/// <summary>
/// Rules that shared/data/mlc_churn.csv breaks, with counts computed independently:
///   /usr/bin/python3 -c "import csv, collections, numpy as np; r=list(csv.DictReader(open('mlc_churn.csv',newline='')));
///     print(len(r), collections.Counter(x['area_code'] for x in r));
///     v=np.array([float(x['total_day_minutes']) for x in r]); print(v.min(), v.max(), (v>300).sum());
///     print(sum(x[c]=='' for x in r for c in x), len({x['state'] for x in r}))"
///   -> 5000 Counter({'area_code_415': 2495, 'area_code_408': 1259, 'area_code_510': 1246})
///   -> 0.0 351.5 66
///   -> 0 51
/// </summary>
public class ChurnValidationTests
{
    private static readonly DataRule[] Rules =
    [
        new AllowedValuesRule("area-codes", "area_code", ["area_code_415", "area_code_408"], Name: "Known area codes"),
        new RangeRule("day-minutes", "total_day_minutes", 0, 300),
        new MaxMissingShareRule("churn-complete", "churn", 0),
        new UniqueRule("state-key", "state", RuleSeverity.Soft),
        new MinRowCountRule("enough-rows", 10_000),
        new ColumnTypeRule("calls-integer", "number_customer_service_calls", ColumnType.Integer),
        new ColumnTypeRule("state-flag", "state", ColumnType.Boolean, RuleSeverity.Soft),
        new MaxMissingShareRule("phone-complete", "phone_number", 0.1),

        // "yes"/"no" are Boolean spellings (BooleanValues), so the churn label satisfies Boolean.
        new ColumnTypeRule("churn-flag", "churn", ColumnType.Boolean),
    ];

    private static async Task<QualityReport> Validate()
    {
        DatasetProfile profile = await DataFiles.ProfileAsync(DataFiles.Churn);
        return await new DataValidator().ValidateAsync("mlc_churn.csv", profile, Rules, DataFiles.Batches(DataFiles.Churn, 700));
    }

    [Fact]
    public async Task The_churn_data_fails_naming_each_violated_rule()
    {
        QualityReport report = await Validate();

        Assert.Equal(QualityStatus.Failed, report.Status);
        Assert.Equal(5000, report.Rows);
        Assert.Equal(
            ["area-codes", "day-minutes", "state-key", "enough-rows", "state-flag", "phone-complete"],
            report.Results.Where(r => !r.Passed).Select(r => r.RuleId));
        Assert.Equal(["churn-complete", "calls-integer", "churn-flag"], report.Results.Where(r => r.Passed).Select(r => r.RuleId));
    }

    [Fact]
    public async Task Each_result_carries_the_observed_value_and_the_offending_rows()
    {
        Dictionary<string, RuleResult> results = (await Validate()).Results.ToDictionary(r => r.RuleId);

        RuleResult areas = results["area-codes"];
        Assert.Equal(("Known area codes", 1246L), (areas.Name, areas.OffendingRows));
        Assert.Equal("1246 rows outside the set, most frequent: 'area_code_510' (1246)", areas.Observed);
        Assert.Equal(5, areas.Sample.Count);
        Assert.All(areas.Sample, s => Assert.Equal("area_code_510", s.Value));
        Assert.All(areas.Sample, s => Assert.Equal(s.RecordNumber + 1, s.Line));

        RuleResult minutes = results["day-minutes"];
        Assert.Equal(66, minutes.OffendingRows);
        Assert.Equal("min 0, max 351.5; 66 rows outside", minutes.Observed);
        Assert.Equal("between 0 and 300", minutes.Expected);
        Assert.All(minutes.Sample, s => Assert.True(double.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture) > 300));

        Assert.Equal("0% missing (0 of 5000 rows)", results["churn-complete"].Observed);
        Assert.Equal(5000 - 51, results["state-key"].OffendingRows);
        Assert.Equal("5000 rows", results["enough-rows"].Observed);
        Assert.Equal(("Boolean", "Categorical", 5000L), (results["state-flag"].Expected, results["state-flag"].Observed, results["state-flag"].OffendingRows));
        Assert.Equal(("Boolean", "Boolean"), (results["churn-flag"].Expected, results["churn-flag"].Observed));
        Assert.Equal("column not found", results["phone-complete"].Observed);
    }

    [Fact]
    public async Task Soft_failures_alone_pass_with_warnings()
    {
        DatasetProfile profile = await DataFiles.ProfileAsync(DataFiles.Churn);
        DataRule[] soft = [Rules[3], Rules[6], Rules[2]];

        QualityReport report = await new DataValidator().ValidateAsync("churn", profile, soft, DataFiles.Batches(DataFiles.Churn));

        Assert.Equal(QualityStatus.PassedWithWarnings, report.Status);
    }
}
