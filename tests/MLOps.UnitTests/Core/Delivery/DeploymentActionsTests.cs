using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using MLOps.Core.Audit;
using MLOps.Core.Delivery;
using MLOps.Core.Delivery.Gates;
using MLOps.Core.Events;
using MLOps.Core.Registry;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.Scoring;

namespace MLOps.UnitTests.Core.Delivery;

/// <summary>The actions over the ports, with the ports mocked: which tables, alias moves, audit records and events they produce.</summary>
public class DeploymentActionsTests
{
    private static readonly DeployedPackage New = new(new string('a', 64), "credit-model", 5);
    private static readonly DeployedPackage Old = new(new string('b', 64), "credit-model", 4);
    private static readonly RolloutPlan Canary = RolloutPlanner.Plan(new RolloutStrategy(RolloutKind.Canary, TrafficPercent: 10), hasBaseline: true);
    private static readonly GateFigure ErrorRate = new("errorRate", 0.12, 0.001, 0.01, Passed: false, "12% of requests failed");

    private readonly Mock<IEndpointTraffic> traffic = new(MockBehavior.Strict);
    private readonly Mock<IModelRegistry> registry = new(MockBehavior.Strict);
    private readonly Mock<IAuditLog> audit = new();
    private readonly Mock<IPlatformEventPublisher> events = new();
    private readonly List<(string Endpoint, IReadOnlyList<TrafficWeight> Table, string Reason)> applied = [];
    private readonly DeploymentActions actions;

    public DeploymentActionsTests()
    {
        this.traffic.Setup(t => t.ApplyAsync("credit", It.IsAny<string>(), It.IsAny<IReadOnlyList<TrafficWeight>>(), DeploymentNotices.Actor, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, IReadOnlyList<TrafficWeight>, string, string, CancellationToken>((_, e, t, _, r, _) => this.applied.Add((e, t, r)))
            .ReturnsAsync((string p, string e, IReadOnlyList<TrafficWeight> _, string _, string _, CancellationToken _) => Endpoint(p, e));
        this.audit.Setup(a => a.AppendAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>())).ReturnsAsync((AuditEntry e, CancellationToken _) => AuditRecord.Create(7, DateTimeOffset.UnixEpoch, e, AuditRecord.GenesisHash));
        this.actions = new DeploymentActions(this.traffic.Object, this.registry.Object, new DeploymentNotices(this.audit.Object, this.events.Object, NullLogger<DeploymentNotices>.Instance));
    }

    [Fact]
    public async Task A_rollback_routes_everything_back_to_the_old_package_restores_the_champion_and_names_the_gate_and_its_figure()
    {
        this.registry.Setup(r => r.ListAliasesAsync("credit", "credit-model", It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int> { ["champion"] = 5 });
        this.registry.Setup(r => r.RollbackAliasAsync("credit", "credit-model", "champion", DeploymentNotices.Actor, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AliasMove("credit-model", "champion", 3, 5, 4, true, DeploymentNotices.Actor, DateTimeOffset.UnixEpoch, "r"));
        var request = new RollbackRequest("run-1", "credit", New, [new EndpointRollout("staging", Old, false, Canary)], ["staging"], 4, "gate errorRate 0.12 (bound 0.01)", [ErrorRate]);

        RollbackRecord record = await this.actions.RollBackAsync(request);

        (string endpoint, IReadOnlyList<TrafficWeight> table, _) = Assert.Single(this.applied);
        Assert.Equal("staging", endpoint);
        Assert.Equal([new TrafficWeight(Old.Digest, 100)], table);
        Assert.Equal(["staging"], record.Restored);
        Assert.Equal((4, 0), (record.ChampionRestoredTo, record.Notes.Count));
        this.audit.Verify(a => a.AppendAsync(
            It.Is<AuditEntry>(e => e.Action == "deployment.rolledback" && e.EventId == "deployment/run-1/rollback" && e.Outcome.Contains("gate errorRate 0.12 (bound 0.01)", StringComparison.Ordinal) && e.Outcome.Contains("champion restored to v4", StringComparison.Ordinal)),
            It.IsAny<CancellationToken>()), Times.Once);
        this.events.Verify(p => p.PublishAsync(
            It.Is<PlatformEvent>(e => e.Type == PlatformEventTypes.DeploymentRolledBack && e.Id == "run-1:rollback" && ((DeploymentEvent)e.Data).Gates.Single().Figure == 0.12 && ((DeploymentEvent)e.Data).Gates.Single().Gate == "errorRate"),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_rollback_leaves_alone_what_the_run_did_not_change_and_says_what_it_cannot_undo()
    {
        this.registry.Setup(r => r.ListAliasesAsync("credit", "credit-model", It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, int> { ["champion"] = 4 });
        var first = new EndpointRollout("staging", null, false, RolloutPlanner.Plan(new RolloutStrategy(RolloutKind.AllAtOnce), false));
        var request = new RollbackRequest("run-2", "credit", New, [first, new EndpointRollout("production", Old, false, Canary)], ["staging"], 4, "no approval", []);

        RollbackRecord record = await this.actions.RollBackAsync(request);

        Assert.Empty(this.applied);
        Assert.Null(record.ChampionRestoredTo);
        Assert.Equal("endpoint 'staging' served nothing before this run, so it keeps credit-model v5 (package aaaaaaaaaaaa): deploy another package or retire it by hand", Assert.Single(record.Notes));
    }

    [Fact]
    public async Task A_promotion_moves_the_champion_from_where_the_run_found_it_then_retires_the_old_deployments()
    {
        this.registry.Setup(r => r.MoveAliasAsync("credit", "credit-model", "champion", 5, DeploymentNotices.Actor, 4, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AliasMove("credit-model", "champion", 2, 4, 5, false, DeploymentNotices.Actor, DateTimeOffset.UnixEpoch, "r"));
        var request = new PromotionRequest("run-3", "credit", New, [new EndpointRollout("staging", Old, false, Canary), new EndpointRollout("production", Old, false, Canary)], 4);

        PromotionRecord record = await this.actions.PromoteAsync(request);

        Assert.Equal((4, 5), (record.ChampionFrom, record.ChampionTo));
        Assert.Equal(["staging", "production"], this.applied.Select(a => a.Endpoint));
        Assert.All(this.applied, a => Assert.Equal([new TrafficWeight(New.Digest, 100)], a.Table));
        Assert.Equal(["staging: d-bbbbbbbbbbbb", "production: d-bbbbbbbbbbbb"], record.Retired);
        this.events.Verify(p => p.PublishAsync(It.Is<PlatformEvent>(e => e.Type == PlatformEventTypes.DeploymentPromoted && e.Id == "run-3:promoted"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_champion_move_the_policy_refuses_is_a_refusal_and_nothing_is_retired()
    {
        this.registry.Setup(r => r.MoveAliasAsync("credit", "credit-model", "champion", 5, DeploymentNotices.Actor, 4, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ApprovalRequiredException("v5 is Pending; it needs approval by a ModelRiskAnalyst"));

        DeploymentRefusedException refused = await Assert.ThrowsAsync<DeploymentRefusedException>(
            () => this.actions.PromoteAsync(new PromotionRequest("run-4", "credit", New, [new EndpointRollout("staging", Old, false, Canary)], 4)));

        Assert.Contains("needs approval by a ModelRiskAnalyst", refused.Message, StringComparison.Ordinal);
        Assert.Empty(this.applied);
    }

    [Fact]
    public async Task A_table_the_endpoint_refuses_is_a_refusal_that_is_not_retried()
    {
        this.traffic.Setup(t => t.ApplyAsync("credit", "staging", It.IsAny<IReadOnlyList<TrafficWeight>>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PackageRefusedException("signature does not verify"));

        DeploymentRefusedException refused = await Assert.ThrowsAsync<DeploymentRefusedException>(
            () => this.actions.ApplyAsync(new TrafficChange("credit", "staging", [new TrafficWeight(New.Digest, 10), new TrafficWeight(Old.Digest, 90)], "run-5", "canary")));

        Assert.Equal("Endpoint 'staging' of project 'credit' refused the table [d-aaaaaaaaaaaa 10%, d-bbbbbbbbbbbb 90%]: signature does not verify", refused.Message);
    }

    private static ServingEndpoint Endpoint(string project, string name) =>
        new() { Project = project, Name = name, Deployments = [], Revision = 2, UpdatedAt = DateTimeOffset.UnixEpoch, UpdatedBy = DeploymentNotices.Actor };
}
