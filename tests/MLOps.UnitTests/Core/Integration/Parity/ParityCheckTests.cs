using MLOps.Core.Integration;
using MLOps.Core.Integration.Parity;

namespace MLOps.UnitTests.Core.Integration.Parity;

public sealed class ParityCheckTests
{
    private static readonly string[] Keys = ["k0", "k1", "k2", "k3"];

    [Fact]
    public void Scores_within_the_bound_pass_and_name_the_largest_difference()
    {
        CheckResult result = ParityCheck.Check([0.1, 0.2, 0.3, 0.4], [0.1, 0.200004, 0.3, 0.399991], ParityScale.Probability, 1e-5, Keys);

        Assert.True(result.Passed, result.Detail);
        Assert.Equal(9e-6, result.Figure, 1e-12);
        Assert.Equal(CheckNames.Parity, result.Check);
        Assert.Contains("row 3 (key 'k3')", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_beyond_the_bound_fails_naming_its_row_and_key()
    {
        CheckResult result = ParityCheck.Check([0.1, 0.25, 0.3, 0.4], [0.1, 0.2, 0.3, 0.4], ParityScale.Probability, 1e-5, Keys);

        Assert.False(result.Passed);
        Assert.Equal(0.05, result.Figure, 1e-12);
        Assert.Contains("row 1 (key 'k1'): package 0.25, tracked 0.2", result.Detail, StringComparison.Ordinal);
        Assert.Contains("parity: FAILED, 0.05 (must be <= 1E-05 absolute score difference)", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_missing_scores_agree_but_one_missing_score_is_an_infinite_difference()
    {
        CheckResult bothMissing = ParityCheck.Check([double.NaN, 0.5], [double.NaN, 0.5], ParityScale.Probability, 1e-5);
        CheckResult oneMissing = ParityCheck.Check([0.1, double.NaN, 0.3, 0.4], [0.1, 0.2, 0.3, 0.4], ParityScale.Probability, 1e-5, Keys);
        CheckResult infinities = ParityCheck.Check([double.PositiveInfinity], [double.PositiveInfinity], ParityScale.Regression, 1e-5);

        Assert.True(bothMissing.Passed, bothMissing.Detail);
        Assert.Equal(0, bothMissing.Figure);
        Assert.False(oneMissing.Passed);
        Assert.Equal(double.PositiveInfinity, oneMissing.Figure);
        Assert.Contains("row 1 (key 'k1'): package NaN, tracked 0.2", oneMissing.Detail, StringComparison.Ordinal);
        Assert.True(infinities.Passed);
    }

    [Fact]
    public void A_length_mismatch_fails_naming_the_first_row_without_a_counterpart()
    {
        CheckResult shorter = ParityCheck.Check([0.1, 0.2], [0.1, 0.2, 0.3, 0.4], ParityScale.Probability, 1e-5, Keys);
        CheckResult longer = ParityCheck.Check([0.1, 0.2, 0.3], [0.1, 0.2], ParityScale.Probability, 1e-5);
        CheckResult empty = ParityCheck.Check([], [], ParityScale.Probability, 1e-5);

        Assert.False(shorter.Passed);
        Assert.Equal(double.PositiveInfinity, shorter.Figure);
        Assert.Equal("The package scored 2 rows but 4 are tracked: row 2 (key 'k2') has no package score.", shorter.Detail);
        Assert.Equal("The package scored 3 rows but 2 are tracked: row 2 has no tracked score.", longer.Detail);
        Assert.False(empty.Passed);
    }

    [Fact]
    public void Regression_scores_are_compared_relative_to_the_tracked_value_above_one()
    {
        // |Δ| = 0.5 at y = 100 000 is 5e-6 relative; |Δ| = 2e-5 at y = 0.2 is divided by max(1, 0.2) = 1.
        CheckResult large = ParityCheck.Check([100_000.5], [100_000], ParityScale.Regression, 1e-5);
        CheckResult small = ParityCheck.Check([0.20002], [0.2], ParityScale.Regression, 1e-5);

        Assert.True(large.Passed, large.Detail);
        Assert.Equal(5e-6, large.Figure, 1e-12);
        Assert.False(small.Passed);
        Assert.Equal(2e-5, small.Figure, 1e-10);
        Assert.Equal("|Δ| / max(1, |y|)", small.Unit);
    }
}
