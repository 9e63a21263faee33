using MLOps.Core.Delivery;
using MLOps.Core.Delivery.Gates;

namespace MLOps.UnitTests.Core.Delivery;

public class DeploymentRequestTests
{
    private const string Digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly DeploymentRequest Good = new("credit", Package: Digest, Endpoint: "staging", Strategy: new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 5));

    [Fact]
    public void A_complete_request_is_valid_and_changes_its_endpoints()
    {
        Assert.Empty(Good.Validate());
        Assert.Empty((Good with { Package = null, Model = "credit-model", Version = 3, PromoteTo = "production", Strategy = null }).Validate());
        Assert.Equal(["credit/endpoints/staging", "credit/endpoints/production"], (Good with { PromoteTo = "production" }).Resources);
    }

    [Theory]
    [InlineData("project")]
    [InlineData("endpoint")]
    public void Names_are_checked(string field)
    {
        DeploymentRequest bad = field == "project" ? Good with { Project = "Credit Data" } : Good with { Endpoint = "" };

        Assert.StartsWith(field + ":", Assert.Single(bad.Validate()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_is_named_once_by_digest_or_by_model_and_version()
    {
        Assert.StartsWith("package: is required", Assert.Single((Good with { Package = null }).Validate()), StringComparison.Ordinal);
        Assert.StartsWith("package: give either", Assert.Single((Good with { Model = "m", Version = 1 }).Validate()), StringComparison.Ordinal);
        Assert.StartsWith("package: must be a package digest", Assert.Single((Good with { Package = "abc" }).Validate()), StringComparison.Ordinal);
        Assert.Equal(["version: is required with model"], (Good with { Package = null, Model = "m" }).Validate());
        Assert.Equal(["version: must be a version number from 1"], (Good with { Package = null, Model = "m", Version = 0 }).Validate());
    }

    [Fact]
    public void Promotion_goes_to_another_endpoint()
    {
        Assert.StartsWith("promoteTo: must be another endpoint", Assert.Single((Good with { PromoteTo = "staging" }).Validate()), StringComparison.Ordinal);
        Assert.StartsWith("promoteTo: must be a lower-case slug", Assert.Single((Good with { PromoteTo = "Prod!" }).Validate()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RolloutKind.Canary, null, "strategy.trafficPercent: is required for Canary")]
    [InlineData(RolloutKind.Canary, 100.0, "strategy.trafficPercent: must be a percentage in (0, 100)")]
    [InlineData(RolloutKind.Canary, 12.345, "strategy.trafficPercent: must be a percentage in (0, 100) with at most 2 decimals")]
    [InlineData(RolloutKind.AB, 50.0, "strategy.minSamplesPerArm: is required for AB")]
    [InlineData(RolloutKind.Linear, null, "strategy.stepPercent: is required for Linear")]
    [InlineData(RolloutKind.Shadow, null, "strategy.durationSeconds: is required for Shadow")]
    public void Each_kind_requires_its_parameters(RolloutKind kind, double? traffic, string expected)
    {
        DeploymentRequest request = Good with { Strategy = new RolloutStrategy(kind, TrafficPercent: traffic) };

        Assert.Contains(request.Validate(), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_parameter_the_kind_does_not_take_is_refused_rather_than_ignored()
    {
        DeploymentRequest request = Good with { Strategy = new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, StepPercent: 20, DurationSeconds: 5) };

        Assert.Equal(
            ["strategy.stepPercent: does not apply to Canary (it takes trafficPercent, bakeSeconds)", "strategy.durationSeconds: does not apply to Canary (it takes trafficPercent, bakeSeconds)"],
            request.Validate());
    }

    [Fact]
    public void Mirrors_durations_and_continuations_have_bounds()
    {
        var strategy = new RolloutStrategy(
            RolloutKind.Shadow, MirrorPercent: 60, DurationSeconds: 0, Then: new RolloutStrategy(RolloutKind.Linear, StepPercent: 10));

        IReadOnlyList<string> problems = (Good with { Strategy = strategy }).Validate();

        Assert.Contains("strategy.mirrorPercent: must be a percentage in (0, 50] with at most 2 decimals", problems);
        Assert.Contains("strategy.durationSeconds: must be from 1 to 2592000 seconds", problems);
        Assert.Contains("strategy.then.kind: a shadow continues as AllAtOnce or Canary, not Linear", problems);
    }

    [Fact]
    public void A_continuation_is_checked_under_its_own_path()
    {
        var strategy = new RolloutStrategy(RolloutKind.Shadow, DurationSeconds: 10, Then: new RolloutStrategy(RolloutKind.Canary));

        Assert.Equal(["strategy.then.trafficPercent: is required for Canary"], (Good with { Strategy = strategy }).Validate());
    }

    [Fact]
    public void An_ab_test_is_judged_at_least_once_before_it_gives_up()
    {
        var strategy = new RolloutStrategy(RolloutKind.AB, TrafficPercent: 50, MinSamplesPerArm: 10, BakeSeconds: 60, MaxDurationSeconds: 30, Alpha: 0.7);

        IReadOnlyList<string> problems = (Good with { Strategy = strategy }).Validate();

        Assert.Contains("strategy.maxDurationSeconds: must be at least one bakeSeconds (60)", problems);
        Assert.Contains("strategy.alpha: must be a significance level in (0, 0.5)", problems);
    }

    [Fact]
    public void Gate_bounds_and_approval_times_are_checked()
    {
        DeploymentRequest request = Good with
        {
            Gates = new GateBounds { MaxErrorRate = 2, MinRequests = 0, MaxP95LatencyMs = -1 },
            ApprovalEscalationSeconds = 600,
            ApprovalDeadlineSeconds = 60,
            MaxBakeExtensions = 11,
        };

        Assert.Equal(
            [
                "gates.maxErrorRate: must be a rate from 0 to 1",
                "gates.maxP95LatencyMs: must be from 0 (exclusive) to 600000 ms",
                "gates.minRequests: must be from 1 to 10000000",
                "approvalDeadlineSeconds: must not be before approvalEscalationSeconds (the deadline ends the wait that the escalation only reports)",
                "maxBakeExtensions: must be from 0 to 10",
            ],
            request.Validate());
    }

    [Fact]
    public void Approval_waits_default_to_production_sized_times()
    {
        Assert.Equal((24 * 3600, 72 * 3600), (Good.Escalation, Good.Deadline));
        DeploymentRequest demo = Good with { ApprovalEscalationSeconds = 3, ApprovalDeadlineSeconds = 8 };
        Assert.Equal((3, 8), (demo.Escalation, demo.Deadline));

        // An escalation later than the default deadline moves the deadline with it, never before it.
        DeploymentRequest patient = Good with { ApprovalEscalationSeconds = 100 * 3600 };
        Assert.Equal(100 * 3600, patient.Deadline);
    }
}
