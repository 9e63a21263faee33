using Moq;
using MLOps.Activities.Delivery;
using MLOps.Core.Delivery;
using MLOps.Core.Delivery.AbTesting;
using MLOps.Core.Delivery.Gates;
using MLOps.Core.Events;
using MLOps.Core.Pipelines;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;
using MLOps.Core.Security;
using MLOps.Core.Serving.Endpoints;
using MLOps.Orchestrations;
using MLOps.Orchestrations.Platform;

namespace MLOps.UnitTests.Orchestrations;

public class ContinuousDeploymentOrchestratorTests
{
    private static readonly DeployedPackage New = new(new string('a', 64), "credit-model", 5);
    private static readonly DeployedPackage Old = new(new string('b', 64), "credit-model", 4);
    private static readonly DeploymentRequest Request = new("credit", Model: "credit-model", Version: 5, Endpoint: "staging");
    private static readonly GateBounds Bounds = new() { MaxP95LatencyMs = 250 };
    private static readonly GateFigure BadErrorRate = new("errorRate", 0.12, 0.002, 0.01, Passed: false, "12% of the new package's requests failed");
    private static readonly DateTime T0 = DeploymentContextMock.Start;

    [Fact]
    public async Task A_canary_shifts_its_share_then_everything_bakes_and_gates_each_step_and_promotes()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 30)));

        DeploymentReport report = await new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request);

        Assert.Equal(
            [
                [new TrafficWeight(New.Digest, 10), new TrafficWeight(Old.Digest, 90)],
                [new TrafficWeight(New.Digest, 100), new TrafficWeight(Old.Digest, 0)],
            ],
            run.Applied.Select(a => a.Table));
        Assert.All(run.Applied, a => Assert.Equal(("credit", "staging", "cd-run-1"), (a.Project, a.Endpoint, a.RunId)));
        Assert.Equal([T0.AddSeconds(30), T0.AddSeconds(60)], run.Timers);

        // Each step's gates judge its own window, new against live, with the resolved bounds.
        Assert.Equal(
            [(T0, T0.AddSeconds(30)), (T0.AddSeconds(30), T0.AddSeconds(60))],
            run.GateChecks.Select(g => (g.Window.From.UtcDateTime, g.Window.To.UtcDateTime)));
        Assert.All(run.GateChecks, g => Assert.Equal((New.DeploymentId, Old.DeploymentId, Bounds), (g.Window.Candidate, g.Window.Baseline, g.Bounds)));

        Assert.Equal(["step/staging/0", "step/staging/1"], run.Notices.Select(n => n.Key));
        Assert.All(run.Notices, n => Assert.Equal(PlatformEventTypes.DeploymentStepCompleted, n.Type));
        PromotionRequest promotion = Assert.Single(run.Promotions);
        Assert.Equal((New, 4), (promotion.Candidate, promotion.PreviousChampion));
        Assert.Empty(run.Rollbacks);
        Assert.Equal((DeploymentOutcome.Promoted, 4, 5, 2), (report.Outcome, report.ChampionBefore, report.ChampionAfter, report.Steps.Count));
        Assert.Equal([PipelineState.Started, PipelineState.Completed], run.Context.States);
    }

    [Fact]
    public async Task The_status_shows_the_step_its_weights_when_its_bake_ends_and_the_gates_so_far()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 30)));

        await new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request);

        DeploymentProgress baking = run.Progress.First(p => p.BakeEndsAt is not null);
        Assert.Equal(("rollout", "staging", "canary 10%", 0, 2), (baking.Stage, baking.Endpoint, baking.Step, baking.Completed, baking.Total));
        Assert.Equal([new TrafficWeight(New.Digest, 10), new TrafficWeight(Old.Digest, 90)], baking.Weights);
        Assert.Equal(new DateTimeOffset(T0.AddSeconds(30)), baking.BakeEndsAt);
        DeploymentProgress second = run.Progress.First(p => p.Step == "full" && p.BakeEndsAt is not null);
        Assert.Equal("canary 10%", Assert.Single(second.Gates!).Step);
        DeploymentProgress last = run.Progress.Last();
        Assert.Equal(("promoted", 2, 2), (last.Stage, last.Completed, last.Total));
        Assert.Equal(2, last.Gates!.Count);
    }

    [Fact]
    public async Task A_failed_gate_rolls_back_with_its_figures_and_the_run_fails_naming_the_gate()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 30)));
        run.Verdicts.Enqueue(DeploymentContextMock.Verdict(GateOutcome.Failed, BadErrorRate));

        PipelineFailedException failure = await Assert.ThrowsAsync<PipelineFailedException>(() => new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request));

        Assert.Single(run.Applied);
        Assert.Empty(run.Promotions);
        RollbackRequest rollback = Assert.Single(run.Rollbacks);
        Assert.Equal(["staging"], rollback.Changed);
        Assert.Equal((4, false), (rollback.PreviousChampion, rollback.Discard));
        Assert.Equal([BadErrorRate], rollback.Gates);
        Assert.Contains("step 'canary 10%': gate failed: errorRate 0.12 (bound 0.01, current deployment 0.002)", rollback.Reason, StringComparison.Ordinal);
        Assert.StartsWith("Rolled back credit-model v5 (package aaaaaaaaaaaa): endpoint 'staging', step 'canary 10%': gate failed: errorRate 0.12", failure.Message, StringComparison.Ordinal);
        Assert.Equal([PipelineState.Started, PipelineState.Failed], run.Context.States);
        DeploymentProgress last = run.Progress.Last();
        Assert.Equal("rolled-back", last.Stage);
        Assert.Equal(GateOutcome.Failed, Assert.Single(last.Gates!).Outcome);
    }

    [Fact]
    public async Task Too_few_requests_extend_the_bake_a_bounded_number_of_times_then_count_as_a_failed_gate()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 30)));
        for (int i = 0; i < 3; i++)
        {
            run.Verdicts.Enqueue(DeploymentContextMock.Verdict(GateOutcome.InsufficientData));
        }

        PipelineFailedException failure = await Assert.ThrowsAsync<PipelineFailedException>(
            () => new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request with { MaxBakeExtensions = 2 }));

        // The window keeps its start and grows by one bake each time.
        Assert.Equal([T0.AddSeconds(30), T0.AddSeconds(60), T0.AddSeconds(90)], run.Timers);
        Assert.All(run.GateChecks, g => Assert.Equal(T0, g.Window.From.UtcDateTime));
        Assert.Contains("too few requests to judge (120 for the new package) after 2 extended bakes, which counts as a failed gate", failure.Message, StringComparison.Ordinal);
        Assert.Single(run.Rollbacks);
    }

    [Fact]
    public async Task A_bake_extended_for_too_few_requests_goes_on_once_the_gates_pass()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.AllAtOnce, BakeSeconds: 30)));
        run.Verdicts.Enqueue(DeploymentContextMock.Verdict(GateOutcome.InsufficientData));

        DeploymentReport report = await new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request);

        Assert.Equal([T0.AddSeconds(30), T0.AddSeconds(60)], run.Timers);
        Assert.Equal(1, Assert.Single(report.Steps).Extensions);
        Assert.Equal(DeploymentOutcome.Promoted, report.Outcome);
    }

    [Fact]
    public async Task An_approval_that_never_comes_is_escalated_then_the_run_rolls_back_at_the_deadline()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10, BakeSeconds: 30), Approval()));
        Never(run);

        PipelineFailedException failure = await Assert.ThrowsAsync<PipelineFailedException>(() => new ContinuousDeploymentOrchestrator().RunAsync(
            run.Object, Request with { ApprovalEscalationSeconds = 10, ApprovalDeadlineSeconds = 25 }));

        Assert.Equal([T0.AddSeconds(10), T0.AddSeconds(25)], run.Timers);
        DeploymentNotice escalated = Assert.Single(run.Notices);
        Assert.Equal((PlatformEventTypes.ApprovalEscalated, "approval-escalated"), (escalated.Type, escalated.Key));
        Assert.Contains("no ModelRiskAnalyst has approved credit-model v5 within 10 s", escalated.Detail, StringComparison.Ordinal);
        Assert.Empty(run.Applied);
        RollbackRequest rollback = Assert.Single(run.Rollbacks);
        Assert.Empty(rollback.Changed);
        Assert.StartsWith("no ModelRiskAnalyst approved credit-model v5 by the deadline (25 s after the request", rollback.Reason, StringComparison.Ordinal);
        Assert.Contains("by the deadline", failure.Message, StringComparison.Ordinal);
        Assert.Equal([PipelineState.Started, PipelineState.Failed], run.Context.States);

        // While waiting the status said what for, until when, and that it had escalated.
        AwaitedApproval[] waits = [.. run.Progress.Where(p => p.Stage == DeploymentProgress.ApprovalStage).Select(p => p.Approval!)];
        Assert.Equal((Role.ModelRiskAnalyst, new DateTimeOffset(T0.AddSeconds(10)), new DateTimeOffset(T0.AddSeconds(25))), (waits[0].Role, waits[0].EscalatesAt, waits[0].Deadline));
        Assert.Equal([false, true], waits.Select(w => w.Escalated));
    }

    [Fact]
    public async Task An_approval_after_the_escalation_lets_the_rollout_go_on_and_one_that_bypassed_the_route_does_not_count()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.AllAtOnce, BakeSeconds: 30), Approval()));
        var first = new TaskCompletionSource<DeploymentApproval>();
        var second = new TaskCompletionSource<DeploymentApproval>();
        run.Context.Mock.SetupSequence(c => c.WaitForExternalEvent<DeploymentApproval>(DeploymentApproval.EventName, It.IsAny<CancellationToken>()))
            .Returns(first.Task)
            .Returns(second.Task);

        // The escalation timer fires; the deadline timer never does: the decisions arrive after the escalation.
        run.TimerBehaviour = (fireAt, _) => fireAt == T0.AddSeconds(10) ? Advance(run, fireAt) : fireAt == T0.AddSeconds(100) ? new TaskCompletionSource().Task : Advance(run, fireAt);
        run.OnNotice = n =>
        {
            if (n.Type == PlatformEventTypes.ApprovalEscalated)
            {
                first.SetResult(new DeploymentApproval(ApprovalStatus.Approved, "dana", [Role.ModelRiskAnalyst], "my own model"));
                second.SetResult(new DeploymentApproval(ApprovalStatus.Approved, "rita", [Role.ModelRiskAnalyst], "validated"));
            }
        };

        DeploymentReport report = await new ContinuousDeploymentOrchestrator().RunAsync(
            run.Object, Request with { ApprovalEscalationSeconds = 10, ApprovalDeadlineSeconds = 100 });

        Assert.Equal(DeploymentOutcome.Promoted, report.Outcome);
        run.Context.Mock.Verify(c => c.WaitForExternalEvent<DeploymentApproval>(DeploymentApproval.EventName, It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Single(run.Applied);
        Assert.Empty(run.Rollbacks);
    }

    [Fact]
    public async Task A_rejected_release_rolls_back_naming_who_rejected_it_and_why()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.AllAtOnce), Approval()));
        run.Context.Mock.Setup(c => c.WaitForExternalEvent<DeploymentApproval>(DeploymentApproval.EventName, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeploymentApproval(ApprovalStatus.Rejected, "rita", [Role.ModelRiskAnalyst], "fairness figures not reviewed"));
        run.TimerBehaviour = (_, _) => new TaskCompletionSource().Task;

        PipelineFailedException failure = await Assert.ThrowsAsync<PipelineFailedException>(() => new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request));

        Assert.Equal("the release of credit-model v5 was rejected by rita: fairness figures not reviewed", Assert.Single(run.Rollbacks).Reason);
        Assert.Contains("rejected by rita", failure.Message, StringComparison.Ordinal);
        Assert.Empty(run.Applied);
    }

    [Fact]
    public async Task An_ab_test_is_held_and_judged_every_bake_until_the_treatment_wins_then_goes_to_100_percent()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.AB, TrafficPercent: 50, MinSamplesPerArm: 100, BakeSeconds: 10, MaxDurationSeconds: 60)));
        run.Decisions.Enqueue(Decision(AbOutcome.Undecided));
        run.Decisions.Enqueue(Decision(AbOutcome.TreatmentWins));

        DeploymentReport report = await new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request);

        Assert.Equal([(T0, T0.AddSeconds(10)), (T0, T0.AddSeconds(20))], run.AbChecks.Select(a => (a.Window.From.UtcDateTime, a.Window.To.UtcDateTime)));
        Assert.All(run.AbChecks, a => Assert.Equal((Old.DeploymentId, New.DeploymentId, 100), (a.Window.Control, a.Window.Treatment, a.Settings.MinSamplesPerArm)));
        Assert.Equal([50.0, 100], run.Applied.Select(a => a.Table[0].TrafficPercent));
        Assert.Equal(DeploymentOutcome.Promoted, report.Outcome);
        Assert.Equal(["a/b (50% treatment)", "full"], report.Steps.Select(s => s.Step));
    }

    [Fact]
    public async Task An_ab_test_the_control_wins_is_discarded_and_the_run_completes()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.AB, TrafficPercent: 50, MinSamplesPerArm: 100, BakeSeconds: 10)));
        run.Decisions.Enqueue(Decision(AbOutcome.ControlWins));

        DeploymentReport report = await new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request);

        RollbackRequest discard = Assert.Single(run.Rollbacks);
        Assert.True(discard.Discard);
        Assert.Contains("decided for the current deployment (two-proportion z, p = 0.001)", discard.Reason, StringComparison.Ordinal);
        Assert.Empty(run.Promotions);
        Assert.Equal(DeploymentOutcome.Discarded, report.Outcome);
        Assert.Equal([PipelineState.Started, PipelineState.Completed], run.Context.States);
    }

    [Fact]
    public async Task An_undecided_ab_test_is_discarded_at_its_maximum_duration()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.AB, TrafficPercent: 20, MinSamplesPerArm: 100, BakeSeconds: 10, MaxDurationSeconds: 25)));
        for (int i = 0; i < 3; i++)
        {
            run.Decisions.Enqueue(Decision(AbOutcome.Undecided));
        }

        DeploymentReport report = await new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request);

        // Judged at 10 s, 20 s and at the maximum (25 s), never beyond it.
        Assert.Equal([T0.AddSeconds(10), T0.AddSeconds(20), T0.AddSeconds(25)], run.Timers);
        Assert.Contains("was undecided after 25 s", Assert.Single(run.Rollbacks).Reason, StringComparison.Ordinal);
        Assert.Equal(DeploymentOutcome.Discarded, report.Outcome);
    }

    [Fact]
    public async Task A_shadow_without_a_continuation_compares_then_discards_and_promotes_nothing()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.Shadow, MirrorPercent: 30, DurationSeconds: 60)));

        DeploymentReport report = await new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request);

        Assert.Equal([new TrafficWeight(New.Digest, 0, 30), new TrafficWeight(Old.Digest, 100)], Assert.Single(run.Applied).Table);
        Assert.Equal((T0, T0.AddSeconds(60)), (run.GateChecks[0].Window.From.UtcDateTime, run.GateChecks[0].Window.To.UtcDateTime));
        Assert.True(Assert.Single(run.Rollbacks).Discard);
        Assert.Empty(run.Promotions);
        Assert.Equal(DeploymentOutcome.Discarded, report.Outcome);
    }

    [Fact]
    public async Task Staging_then_production_each_roll_out_before_one_promotion_and_a_failure_in_production_rolls_both_back()
    {
        ResolvedDeployment resolved = Resolved(new RolloutStrategy(RolloutKind.AllAtOnce, BakeSeconds: 30), endpoints: ["staging", "production"]);
        var run = new DeploymentContextMock(resolved);
        run.Verdicts.Enqueue(DeploymentContextMock.Verdict(GateOutcome.Passed));
        run.Verdicts.Enqueue(DeploymentContextMock.Verdict(GateOutcome.Failed, BadErrorRate));

        await Assert.ThrowsAsync<PipelineFailedException>(() => new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request with { PromoteTo = "production" }));

        Assert.Equal(["staging", "production"], run.Applied.Select(a => a.Endpoint));
        Assert.Equal(["staging", "production"], Assert.Single(run.Rollbacks).Changed);
        Assert.Empty(run.Promotions);
    }

    [Fact]
    public async Task A_promotion_the_registry_refuses_rolls_back()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.AllAtOnce, BakeSeconds: 30)));
        run.Fail<PromotionRecord>(nameof(PromoteDeploymentActivity), "The champion alias of credit-model could not move to v5: approval required");

        PipelineFailedException failure = await Assert.ThrowsAsync<PipelineFailedException>(() => new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request));

        Assert.Equal("the promotion failed: The champion alias of credit-model could not move to v5: approval required", Assert.Single(run.Rollbacks).Reason);
        Assert.Contains("approval required", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_the_endpoint_refuses_rolls_back_what_was_changed()
    {
        var run = new DeploymentContextMock(Resolved(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10)));
        run.Fail<int>(nameof(ApplyTrafficActivity), "a worker refused the package");

        await Assert.ThrowsAsync<PipelineFailedException>(() => new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request));

        RollbackRequest rollback = Assert.Single(run.Rollbacks);
        Assert.Equal(["staging"], rollback.Changed);
        Assert.Contains("was not applied: a worker refused the package", rollback.Reason, StringComparison.Ordinal);
        Assert.Empty(run.Timers);
    }

    [Fact]
    public async Task A_package_already_serving_alone_as_champion_changes_nothing()
    {
        ResolvedDeployment resolved = Resolved(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10)) with { Champion = 5 };
        resolved = resolved with { Endpoints = [resolved.Endpoints[0] with { Live = true, Baseline = null }] };
        var run = new DeploymentContextMock(resolved);

        DeploymentReport report = await new ContinuousDeploymentOrchestrator().RunAsync(run.Object, Request);

        Assert.Equal(DeploymentOutcome.AlreadyLive, report.Outcome);
        Assert.Empty(run.Applied);
        Assert.Empty(run.Promotions);
    }

    private static ResolvedDeployment Resolved(RolloutStrategy strategy, ApprovalRequirement? approval = null, string[]? endpoints = null) => new(
        "credit",
        New,
        [.. (endpoints ?? ["staging"]).Select(e => new EndpointRollout(e, Old, false, RolloutPlanner.Plan(strategy, hasBaseline: true)))],
        4,
        approval,
        null,
        Bounds,
        strategy,
        null);

    private static ApprovalRequirement Approval() => new("credit", "credit-model", 5, Role.ModelRiskAnalyst, "dana", true, RiskTier.High);

    private static AbDecision Decision(AbOutcome outcome) =>
        new(outcome, "two-proportion z", 150, 150, 0.71, outcome == AbOutcome.TreatmentWins ? 0.8 : 0.6, 3.2, outcome == AbOutcome.Undecided ? 0.2 : 0.001, $"{outcome}");

    /// <summary>No decision ever arrives: like the real context, the wait ends cancelled when its token is.</summary>
    private static void Never(DeploymentContextMock run) =>
        run.Context.Mock.Setup(c => c.WaitForExternalEvent<DeploymentApproval>(DeploymentApproval.EventName, It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((_, cancellation) =>
            {
                var never = new TaskCompletionSource<DeploymentApproval>();
                cancellation.Register(() => never.TrySetCanceled(cancellation));
                return never.Task;
            });

    private static Task Advance(DeploymentContextMock run, DateTime fireAt)
    {
        run.Now = fireAt;
        return Task.CompletedTask;
    }
}
