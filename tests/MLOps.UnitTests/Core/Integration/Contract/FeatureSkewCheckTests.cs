using MLOps.Core.Integration;
using MLOps.Core.Integration.Contract;

namespace MLOps.UnitTests.Core.Integration.Contract;

public sealed class FeatureSkewCheckTests
{
    private static readonly EncodedRows Offline = new(
        ["age_std", "income_log", "home=rent"],
        ["a", "b", "c"],
        [[0.5, 10.2, 1], [-1.25, double.NaN, 0], [2, 11.5, 1]]);

    [Fact]
    public void Rows_in_another_order_with_columns_in_another_order_and_equal_missing_values_agree()
    {
        var package = new EncodedRows(
            ["home=rent", "age_std", "income_log"],
            ["c", "a", "b"],
            [[1, 2, 11.5], [1, 0.5, 10.2 + 1e-9], [0, -1.25, double.NaN]]);

        CheckResult result = FeatureSkewCheck.Check(package, Offline, 1e-6);

        Assert.True(result.Passed, result.Detail);
        Assert.Equal(CheckNames.FeatureSkew, result.Check);
        Assert.True(result.Figure is > 0 and < 1e-9, $"figure {result.Figure}");
        Assert.Equal("All 3 rows agree on all 3 features.", result.Detail);
    }

    [Fact]
    public void Differing_rows_are_counted_with_the_first_key_and_column_and_each_column_worst()
    {
        // Row a: income_log off by 0.51 at 10.2 → 0.05 scaled; row b: a number where offline has NaN → +∞.
        var package = new EncodedRows(
            ["age_std", "income_log", "home=rent"],
            ["a", "b", "c"],
            [[0.5, 10.71, 1], [-1.25, 3, 0], [2, 11.5, 1]]);

        CheckResult result = FeatureSkewCheck.Check(package, Offline, 1e-6);

        Assert.False(result.Passed);
        Assert.Equal(double.PositiveInfinity, result.Figure);
        Assert.Equal("2 of 3 rows differ beyond the bound; first at key 'a', column 'income_log': package 10.71, offline 10.2.", result.Detail);
        GroupFigure income = Assert.Single(result.Groups, g => g.Group == "income_log");
        Assert.Equal((double.PositiveInfinity, 2L), (income.Value, income.Count));
        Assert.Equal((0.0, 0L), (result.Groups[0].Value, result.Groups[0].Count));
    }

    [Fact]
    public void A_large_value_is_compared_relative_to_itself()
    {
        var offline = new EncodedRows(["income"], ["a"], [[250_000]]);
        var close = new EncodedRows(["income"], ["a"], [[250_000.1]]);
        var far = new EncodedRows(["income"], ["a"], [[250_001]]);

        Assert.True(FeatureSkewCheck.Check(close, offline, 1e-6).Passed);
        CheckResult result = FeatureSkewCheck.Check(far, offline, 1e-6);
        Assert.False(result.Passed);
        Assert.Equal(4e-6, result.Figure, 1e-12);
    }

    [Fact]
    public void Missing_or_extra_keys_and_columns_fail()
    {
        var missingKey = new EncodedRows(Offline.Columns, ["a", "c"], [Offline.Values[0], Offline.Values[2]]);
        var extraKey = new EncodedRows(Offline.Columns, ["a", "b", "c", "z"], [.. Offline.Values, [0, 0, 0]]);
        var missingColumn = new EncodedRows(["age_std", "income_log"], Offline.Keys, [[0.5, 10.2], [-1.25, double.NaN], [2, 11.5]]);
        var ragged = new EncodedRows(Offline.Columns, Offline.Keys, [Offline.Values[0], [1, 2], Offline.Values[2]]);
        var repeated = new EncodedRows(Offline.Columns, ["a", "a", "c"], Offline.Values);

        Assert.Equal("1 offline keys have no package row (first 'b').", FeatureSkewCheck.Check(missingKey, Offline, 1e-6).Detail);
        Assert.Equal("1 package rows have keys the offline set lacks (first 'z').", FeatureSkewCheck.Check(extraKey, Offline, 1e-6).Detail);
        Assert.Equal(
            "The feature columns differ: missing from the package [home=rent], not in the offline set [].",
            FeatureSkewCheck.Check(missingColumn, Offline, 1e-6).Detail);
        Assert.Equal(
            "The package's encoded rows are malformed: row 1 (key 'b') has 2 values for 3 columns.",
            FeatureSkewCheck.Check(ragged, Offline, 1e-6).Detail);
        Assert.Equal("The package's encoded rows are malformed: key 'a' appears more than once.", FeatureSkewCheck.Check(repeated, Offline, 1e-6).Detail);
        Assert.All(
            new[] { missingKey, extraKey, missingColumn, ragged, repeated }.Select(p => FeatureSkewCheck.Check(p, Offline, 1e-6)),
            r => Assert.Equal((false, double.PositiveInfinity), (r.Passed, r.Figure)));
    }
}
