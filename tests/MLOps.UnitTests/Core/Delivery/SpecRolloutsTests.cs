using MLOps.Core.Delivery;
using MLOps.Core.Requirements;

namespace MLOps.UnitTests.Core.Delivery;

public class SpecRolloutsTests
{
    [Fact]
    public void A_spec_without_preferences_asks_for_no_rollout()
    {
        Assert.Equal((null, null), SpecRollouts.From([]));
    }

    [Fact]
    public void The_first_preference_is_used_with_minutes_as_seconds()
    {
        (RolloutStrategy? canary, string? note) = SpecRollouts.From([new CanaryDeployment { TrafficPercent = 10, BakeMinutes = 1440 }, new BlueGreenDeployment()]);

        Assert.Equal(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 86_400), canary);
        Assert.Null(note);
        Assert.Equal(
            new RolloutStrategy(RolloutKind.Linear, StepPercent: 25, BakeSeconds: 300),
            SpecRollouts.From([new LinearDeployment { StepPercent = 25, IntervalMinutes = 5 }]).Strategy);
        Assert.Equal(
            new RolloutStrategy(RolloutKind.BlueGreen, RollbackWindowSeconds: 3600),
            SpecRollouts.From([new BlueGreenDeployment()]).Strategy);
        Assert.Equal(
            new RolloutStrategy(RolloutKind.AB, TrafficPercent: 50, MinSamplesPerArm: 1000),
            SpecRollouts.From([new AbTestDeployment { TreatmentPercent = 50, MinSamplesPerArm = 1000 }]).Strategy);
    }

    [Fact]
    public void The_bundled_credit_specs_shadow_then_canary_continues_as_the_canary_and_says_its_mirror_is_capped()
    {
        (RolloutStrategy? strategy, string? note) = SpecRollouts.From(
            [new ShadowDeployment { DurationMinutes = 10080, SamplePercent = 100 }, new CanaryDeployment { TrafficPercent = 10, BakeMinutes = 1440 }]);

        Assert.Equal(
            new RolloutStrategy(RolloutKind.Shadow, MirrorPercent: 50, DurationSeconds: 604_800, Then: new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 86_400)),
            strategy);
        Assert.Equal("the spec's shadow samplePercent 100 mirrors 50%: mirrored shares are capped at 50%", note);
        Assert.Empty(strategy!.Validate());
    }

    [Fact]
    public void A_shadow_followed_by_what_cannot_continue_it_compares_and_discards_and_says_so()
    {
        (RolloutStrategy? strategy, string? note) = SpecRollouts.From(
            [new ShadowDeployment { DurationMinutes = 60, SamplePercent = 20 }, new LinearDeployment { StepPercent = 10, IntervalMinutes = 5 }]);

        Assert.Equal(new RolloutStrategy(RolloutKind.Shadow, MirrorPercent: 20, DurationSeconds: 3600), strategy);
        Assert.Equal("the spec's next preference (linear steps of 10% every 5 min) does not continue a shadow: the run compares and discards", note);
    }

    [Fact]
    public void A_duration_beyond_the_limits_is_refused_by_validation_not_wrapped()
    {
        RolloutStrategy strategy = SpecRollouts.From([new CanaryDeployment { TrafficPercent = 10, BakeMinutes = int.MaxValue }]).Strategy!;

        Assert.Equal(int.MaxValue, strategy.BakeSeconds);
        Assert.Equal(["strategy.bakeSeconds: must be from 1 to 2592000 seconds"], strategy.Validate());
    }
}
