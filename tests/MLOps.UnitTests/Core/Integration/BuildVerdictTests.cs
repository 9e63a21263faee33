using MLOps.Core.Integration;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Integration;

public sealed class BuildVerdictTests
{
    internal static CheckResult Result(string check, double figure, double bound) =>
        CheckResult.Judge(check, figure, bound, GateDirection.AtMost, "units", $"detail of {check}");

    [Fact]
    public void A_build_passes_only_when_every_check_passed()
    {
        var passing = new BuildVerdict("credit", "pkg-1", [Result("parity", 1e-7, 1e-5), Result("latency", 30, 40)]);
        var failing = new BuildVerdict("credit", "pkg-1", [Result("parity", 1e-7, 1e-5), Result("latency", 52, 40)]);

        Assert.True(passing.Passed);
        Assert.Empty(passing.FailedChecks);
        Assert.Equal("All 2 checks passed.", passing.Summary);
        Assert.False(failing.Passed);
        Assert.Equal(["latency"], failing.FailedChecks);
        Assert.Equal("1 of 2 checks failed: latency: FAILED, 52 (must be <= 40 units). detail of latency", failing.Summary);
    }

    [Fact]
    public void A_build_without_checks_fails_and_a_check_name_is_unique()
    {
        var empty = new BuildVerdict("credit", "pkg-1", []);

        Assert.False(empty.Passed);
        Assert.Equal("No check ran, so the build cannot pass.", empty.Summary);
        ArgumentException repeated = Assert.Throws<ArgumentException>(() => new BuildVerdict("credit", "pkg-1", [Result("parity", 0, 1), Result("parity", 0, 1)]));
        Assert.Contains("'parity'", repeated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_not_judged_passes_and_says_so()
    {
        CheckResult skipped = CheckResult.NotJudged("champion", double.NaN, GateDirection.AtLeast, "Auc", "No champion serves this project yet.");
        var verdict = new BuildVerdict("credit", "pkg-1", [skipped]);

        Assert.True(verdict.Passed);
        Assert.Equal("champion: not judged, n/a (must be >= n/a Auc). No champion serves this project yet.", skipped.Describe());
    }

    [Theory]
    [InlineData(1e-5, 1e-5, true)]
    [InlineData(1.0000001e-5, 1e-5, false)]
    [InlineData(double.NaN, 1e-5, false)]
    [InlineData(double.PositiveInfinity, 1e-5, false)]
    public void Judging_is_inclusive_and_never_passes_a_missing_figure(double figure, double bound, bool passed)
    {
        Assert.Equal(passed, Result("parity", figure, bound).Passed);
    }
}
