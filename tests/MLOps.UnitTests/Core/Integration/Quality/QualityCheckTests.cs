using MLOps.Core.Integration;
using MLOps.Core.Integration.Quality;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Integration.Quality;

public sealed class QualityCheckTests
{
    private static readonly AcceptanceGate AucGate = new() { Metric = AcceptanceMetric.Auc, Threshold = 0.8, Direction = GateDirection.AtLeast };

    private static readonly AcceptanceGate RmseGate = new() { Metric = AcceptanceMetric.Rmse, Threshold = 5, Direction = GateDirection.AtMost };

    [Theory]
    [InlineData(0.8, true)]
    [InlineData(0.83, true)]
    [InlineData(0.79, false)]
    public void The_acceptance_gate_judges_as_the_experiment_did(double auc, bool passed)
    {
        CheckResult result = QualityCheck.Acceptance(AucGate, auc);

        Assert.Equal(passed, result.Passed);
        Assert.Equal(AucGate.IsMetBy(auc), result.Passed);
        Assert.Equal((auc, 0.8, GateDirection.AtLeast, "Auc"), (result.Figure, result.Bound, result.Comparison, result.Unit));
        Assert.Contains("the gate Auc >= 0.8", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_gate_that_is_better_lower_and_an_unmeasured_metric()
    {
        Assert.True(QualityCheck.Acceptance(RmseGate, 4.9).Passed);
        Assert.False(QualityCheck.Acceptance(RmseGate, 5.1).Passed);
        CheckResult missing = QualityCheck.Acceptance(RmseGate, double.NaN);
        Assert.False(missing.Passed);
        Assert.Equal("The package's Rmse was not measured, so the gate Rmse <= 5 cannot be met.", missing.Detail);
    }

    [Fact]
    public void The_challenger_must_not_be_worse_than_the_champion_by_default()
    {
        var options = new IntegrationCheckOptions();
        CheckResult better = Champion(AucGate, 0.84, 0.83, options);
        CheckResult worse = Champion(AucGate, 0.82, 0.83, options);

        Assert.True(better.Passed, better.Detail);
        Assert.False(worse.Passed);
        Assert.Equal((0.82, 0.83), (worse.Figure, worse.Bound));
        Assert.Equal(
            "Metric Auc minimum relative change check failed: candidate model Auc = 0.82, baseline model Auc = 0.83, Auc minimum relative change threshold = 0.",
            worse.Detail);
    }

    [Fact]
    public void The_bound_is_the_strictest_configured_rule_and_lower_is_better_runs_the_other_way()
    {
        var options = new IntegrationCheckOptions { ChampionMinAbsoluteChange = 0.1, ChampionMinRelativeChange = 0.05 };

        // RMSE champion 4: absolute needs ≤ 3.9, relative needs ≤ 3.8 (5 % of 4); 3.85 meets one rule only.
        CheckResult result = Champion(RmseGate, 3.85, 4, options);
        CheckResult passed = Champion(RmseGate, 3.7, 4, options);

        Assert.False(result.Passed);
        Assert.Equal(3.8, result.Bound, 1e-12);
        Assert.Equal(GateDirection.AtMost, result.Comparison);
        Assert.Contains("minimum relative change check failed", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("absolute", result.Detail, StringComparison.Ordinal);
        Assert.True(passed.Passed, passed.Detail);
    }

    [Fact]
    public void Without_a_champion_or_without_a_rule_the_comparison_is_not_judged()
    {
        var candidate = new Dictionary<string, double> { ["Auc"] = 0.5 };

        CheckResult first = QualityCheck.Champion(AucGate, "Auc", candidate, null, null, 0.0);
        CheckResult noRule = QualityCheck.Champion(AucGate, "Auc", candidate, new Dictionary<string, double> { ["Auc"] = 0.9 }, null, null);

        Assert.Equal((true, false), (first.Passed, first.Judged));
        Assert.Equal("No champion serves this project yet, so there is nothing to compare against.", first.Detail);
        Assert.Equal((true, false), (noRule.Passed, noRule.Judged));
    }

    [Fact]
    public void A_champion_without_the_metric_fails_the_comparison()
    {
        CheckResult result = QualityCheck.Champion(
            AucGate, "Auc", new Dictionary<string, double> { ["Auc"] = 0.9 }, new Dictionary<string, double> { ["F1"] = 0.7 }, null, 0.0);

        Assert.False(result.Passed);
        Assert.Equal("Model comparison failed: metric Auc was missing from the evaluation result of the baseline model.", result.Detail);
    }

    private static CheckResult Champion(AcceptanceGate gate, double challenger, double champion, IntegrationCheckOptions options) =>
        QualityCheck.Champion(
            gate,
            gate.Metric.ToString(),
            new Dictionary<string, double> { [gate.Metric.ToString()] = challenger },
            new Dictionary<string, double> { [gate.Metric.ToString()] = champion },
            options.ChampionMinAbsoluteChange,
            options.ChampionMinRelativeChange);
}
