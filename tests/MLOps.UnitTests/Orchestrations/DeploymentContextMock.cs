using Microsoft.DurableTask;
using Moq;
using MLOps.Activities.Delivery;
using MLOps.Core.Delivery;
using MLOps.Core.Delivery.AbTesting;
using MLOps.Core.Delivery.Gates;

namespace MLOps.UnitTests.Orchestrations;

/// <summary>
/// A mocked orchestration context for the cd orchestrator: a clock that durable timers move forward, and every
/// deployment activity recorded, answering from the queues a test fills (gate verdicts, A/B decisions).
/// </summary>
internal sealed class DeploymentContextMock
{
    public static readonly DateTime Start = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public DeploymentContextMock(ResolvedDeployment resolved, string instanceId = "cd-run-1")
    {
        this.Context = new OrchestrationContextMock(instanceId);
        Mock<TaskOrchestrationContext> mock = this.Context.Mock;
        mock.SetupGet(c => c.CurrentUtcDateTime).Returns(() => this.Now);
        mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>((fireAt, cancellation) =>
            {
                this.Timers.Add(fireAt);
                return this.Timer(fireAt, cancellation);
            });
        this.Answer<ResolvedDeployment>(nameof(ResolveDeploymentActivity), _ => resolved);
        this.Answer<int>(nameof(ApplyTrafficActivity), input =>
        {
            this.Applied.Add((TrafficChange)input!);
            return this.Applied.Count;
        });
        this.Answer<GateVerdict>(nameof(EvaluateGatesActivity), input =>
        {
            this.GateChecks.Add((GateCheck)input!);
            return this.Verdicts.Count > 0 ? this.Verdicts.Dequeue() : Verdict(GateOutcome.Passed);
        });
        this.Answer<AbDecision>(nameof(JudgeAbTestActivity), input =>
        {
            this.AbChecks.Add((AbCheck)input!);
            return this.Decisions.Dequeue();
        });
        this.Answer<RollbackRecord>(nameof(RollBackDeploymentActivity), input =>
        {
            this.Rollbacks.Add((RollbackRequest)input!);
            return new RollbackRecord([.. ((RollbackRequest)input!).Changed], null, []);
        });
        this.Answer<PromotionRecord>(nameof(PromoteDeploymentActivity), input =>
        {
            this.Promotions.Add((PromotionRequest)input!);
            return this.Promotion?.Invoke((PromotionRequest)input!) ?? new PromotionRecord(resolved.Champion, resolved.Candidate.Version, ["staging: d-old"]);
        });
        this.Answer<long>(nameof(RecordDeploymentNoticeActivity), input =>
        {
            this.Notices.Add((DeploymentNotice)input!);
            this.OnNotice?.Invoke((DeploymentNotice)input!);
            return this.Notices.Count;
        });
    }

    public OrchestrationContextMock Context { get; }

    public TaskOrchestrationContext Object => this.Context.Object;

    public DateTime Now { get; set; } = Start;

    /// <summary>How a durable timer ends; by default it fires at once, moving the clock to its time.</summary>
    public Func<DateTime, CancellationToken, Task>? TimerBehaviour { get; set; }

    public Func<PromotionRequest, PromotionRecord>? Promotion { get; set; }

    public Action<DeploymentNotice>? OnNotice { get; set; }

    public List<DateTime> Timers { get; } = [];

    public List<TrafficChange> Applied { get; } = [];

    public List<GateCheck> GateChecks { get; } = [];

    public List<AbCheck> AbChecks { get; } = [];

    public List<RollbackRequest> Rollbacks { get; } = [];

    public List<PromotionRequest> Promotions { get; } = [];

    public List<DeploymentNotice> Notices { get; } = [];

    public Queue<GateVerdict> Verdicts { get; } = new();

    public Queue<AbDecision> Decisions { get; } = new();

    public IEnumerable<DeploymentProgress> Progress => this.Context.CustomStatuses.OfType<DeploymentProgress>();

    public static GateVerdict Verdict(GateOutcome outcome, params GateFigure[] gates) =>
        new(outcome, gates.Length > 0 ? gates : [new GateFigure("errorRate", 0.001, 0.001, 0.01, outcome != GateOutcome.Failed, "ok")], 120, 1080, $"{outcome}");

    public void Answer<T>(string activity, Func<object?, T> answer) =>
        this.Context.Mock.Setup(c => c.CallActivityAsync<T>(It.Is<TaskName>(n => n.Name == activity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((_, input, _) => Task.FromResult(answer(input)));

    public void Fail<T>(string activity, string message) =>
        this.Context.Mock.Setup(c => c.CallActivityAsync<T>(It.Is<TaskName>(n => n.Name == activity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(activity, 1, new TaskFailureDetails(typeof(DeploymentRefusedException).FullName!, message, null, null, null)));

    private Task Timer(DateTime fireAt, CancellationToken cancellation)
    {
        if (this.TimerBehaviour is { } behaviour)
        {
            return behaviour(fireAt, cancellation);
        }

        this.Now = fireAt;
        return Task.CompletedTask;
    }
}
