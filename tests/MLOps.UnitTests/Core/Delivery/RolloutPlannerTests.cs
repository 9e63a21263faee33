using MLOps.Core.Delivery;
using MLOps.Core.Serving.Endpoints;

namespace MLOps.UnitTests.Core.Delivery;

public class RolloutPlannerTests
{
    private const string New = "1111111111111111111111111111111111111111111111111111111111111111";
    private const string Old = "2222222222222222222222222222222222222222222222222222222222222222";

    public static TheoryData<RolloutStrategy> Strategies { get; } =
    [
        new(RolloutKind.AllAtOnce),
        new(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 5),
        new(RolloutKind.Linear, StepPercent: 33.33),
        new(RolloutKind.BlueGreen, MirrorPercent: 40),
        new(RolloutKind.Shadow, MirrorPercent: 50, DurationSeconds: 60),
        new(RolloutKind.Shadow, DurationSeconds: 60, Then: new(RolloutKind.Canary, TrafficPercent: 5)),
        new(RolloutKind.AB, TrafficPercent: 50, MinSamplesPerArm: 200),
    ];

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Every_step_answers_exactly_100_percent_mirrors_at_most_50_and_ends_warm_at_100(RolloutStrategy strategy)
    {
        RolloutPlan plan = RolloutPlanner.Plan(strategy, hasBaseline: true);

        foreach (RolloutStep step in plan.Steps)
        {
            IReadOnlyList<TrafficWeight> table = step.Table(New, Old);
            Assert.Equal(100, table.Sum(w => w.TrafficPercent), precision: 9);
            Assert.InRange(table.Sum(w => w.MirrorPercent), 0, 50);
            Assert.All(table, w => Assert.InRange(w.TrafficPercent, 0, 100));
            Assert.Equal([New, Old], table.Select(w => w.Package));
        }

        // Whatever comes before, the last step answers everything with the old deployment kept at 0%: an instant rollback.
        if (plan.Finish == RolloutFinish.Promote)
        {
            Assert.Equal([new TrafficWeight(New, 100), new TrafficWeight(Old, 0)], plan.Steps[^1].Table(New, Old));
        }
    }

    [Fact]
    public void Canary_is_its_share_then_everything_each_baked()
    {
        RolloutPlan plan = RolloutPlanner.Plan(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 30), hasBaseline: true);

        Assert.Equal([new TrafficWeight(New, 10), new TrafficWeight(Old, 90)], plan.Steps[0].Table(New, Old));
        Assert.Equal([new TrafficWeight(New, 100), new TrafficWeight(Old, 0)], plan.Steps[1].Table(New, Old));
        Assert.All(plan.Steps, s => Assert.Equal((30, true, StepMode.Bake), (s.BakeSeconds, s.Gates, s.Mode)));
        Assert.Equal(RolloutFinish.Promote, plan.Finish);
    }

    [Theory]
    [InlineData(30, new[] { 30.0, 60, 90, 100 })]
    [InlineData(25, new[] { 25.0, 50, 75, 100 })]
    [InlineData(33.33, new[] { 33.33, 66.66, 99.99, 100 })]
    [InlineData(60, new[] { 60.0, 100 })]
    [InlineData(1, null)]
    public void Linear_adds_its_step_until_100(double step, double[]? expected)
    {
        RolloutPlan plan = RolloutPlanner.Plan(new RolloutStrategy(RolloutKind.Linear, StepPercent: step), hasBaseline: true);

        double[] shares = [.. plan.Steps.Select(s => s.CandidatePercent)];
        Assert.Equal(expected ?? [.. Enumerable.Range(1, 100).Select(k => (double)k)], shares);
        Assert.All(plan.Steps, s => Assert.Equal(RolloutDefaults.BakeSeconds, s.BakeSeconds));
    }

    [Fact]
    public void Blue_green_validates_green_on_mirrored_traffic_then_switches_whole_keeping_blue_warm_for_its_window()
    {
        RolloutPlan plan = RolloutPlanner.Plan(
            new RolloutStrategy(RolloutKind.BlueGreen, MirrorPercent: 20, BakeSeconds: 7, RollbackWindowSeconds: 90), hasBaseline: true);

        Assert.Equal(2, plan.Steps.Count);
        Assert.Equal([new TrafficWeight(New, 0, 20), new TrafficWeight(Old, 100)], plan.Steps[0].Table(New, Old));
        Assert.Equal(7, plan.Steps[0].BakeSeconds);
        Assert.Equal([new TrafficWeight(New, 100), new TrafficWeight(Old, 0)], plan.Steps[1].Table(New, Old));
        Assert.Equal(90, plan.Steps[1].BakeSeconds);
    }

    [Fact]
    public void A_shadow_alone_mirrors_for_its_duration_and_is_discarded()
    {
        RolloutPlan plan = RolloutPlanner.Plan(new RolloutStrategy(RolloutKind.Shadow, MirrorPercent: 30, DurationSeconds: 120), hasBaseline: true);

        RolloutStep shadow = Assert.Single(plan.Steps);
        Assert.Equal([new TrafficWeight(New, 0, 30), new TrafficWeight(Old, 100)], shadow.Table(New, Old));
        Assert.Equal(120, shadow.BakeSeconds);
        Assert.Equal(RolloutFinish.Discard, plan.Finish);
    }

    [Fact]
    public void A_shadow_with_a_continuation_goes_on_as_that_canary()
    {
        RolloutPlan plan = RolloutPlanner.Plan(
            new RolloutStrategy(RolloutKind.Shadow, DurationSeconds: 120, Then: new(RolloutKind.Canary, TrafficPercent: 5, BakeSeconds: 9)), hasBaseline: true);

        Assert.Equal([(0.0, 50.0, 120), (5.0, 0.0, 9), (100.0, 0.0, 9)], plan.Steps.Select(s => (s.CandidatePercent, s.CandidateMirrorPercent, s.BakeSeconds)));
        Assert.Equal(RolloutFinish.Promote, plan.Finish);
    }

    [Fact]
    public void An_ab_test_holds_its_split_under_the_judge_then_goes_to_100_percent()
    {
        RolloutPlan plan = RolloutPlanner.Plan(
            new RolloutStrategy(RolloutKind.AB, TrafficPercent: 50, MinSamplesPerArm: 400, BakeSeconds: 10, Alpha: 0.01, MaxDurationSeconds: 100), hasBaseline: true);

        RolloutStep experiment = plan.Steps[0];
        Assert.Equal((StepMode.Experiment, 10, 100), (experiment.Mode, experiment.BakeSeconds, experiment.MaxDurationSeconds));
        Assert.Equal([new TrafficWeight(New, 50), new TrafficWeight(Old, 50)], experiment.Table(New, Old));
        Assert.Equal((400, 0.01), (plan.AbTest!.MinSamplesPerArm, plan.AbTest.Alpha));
        Assert.Equal(StepMode.Bake, plan.Steps[1].Mode);
        Assert.Equal(100, plan.Steps[1].CandidatePercent);
    }

    [Theory]
    [InlineData(RolloutKind.AllAtOnce)]
    [InlineData(RolloutKind.Canary)]
    [InlineData(RolloutKind.Linear)]
    [InlineData(RolloutKind.BlueGreen)]
    public void With_nothing_live_any_split_strategy_is_one_gated_step_at_100_percent(RolloutKind kind)
    {
        var strategy = new RolloutStrategy(kind, TrafficPercent: kind == RolloutKind.Canary ? 10 : null, StepPercent: kind == RolloutKind.Linear ? 20 : null, BakeSeconds: 15);

        RolloutStep step = Assert.Single(RolloutPlanner.Plan(strategy, hasBaseline: false).Steps);

        Assert.Equal([new TrafficWeight(New, 100)], step.Table(New, null));
        Assert.Equal((15, true), (step.BakeSeconds, step.Gates));
    }

    [Theory]
    [InlineData(RolloutKind.Shadow)]
    [InlineData(RolloutKind.AB)]
    public void Shadow_and_ab_need_something_live_to_compare_with(RolloutKind kind)
    {
        var strategy = new RolloutStrategy(kind, TrafficPercent: kind == RolloutKind.AB ? 50 : null, DurationSeconds: kind == RolloutKind.Shadow ? 60 : null, MinSamplesPerArm: kind == RolloutKind.AB ? 10 : null);

        DeploymentRefusedException refused = Assert.Throws<DeploymentRefusedException>(() => RolloutPlanner.Plan(strategy, hasBaseline: false));

        Assert.Equal("strategy", refused.Field);
        Assert.Contains("no live deployment", refused.Message, StringComparison.Ordinal);
    }
}
