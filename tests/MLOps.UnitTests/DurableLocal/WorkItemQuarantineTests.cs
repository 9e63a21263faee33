using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using DurableTask.Core.Middleware;
using Microsoft.Extensions.Logging.Abstractions;
using MLOps.DurableLocal.Quarantine;

namespace MLOps.UnitTests.DurableLocal;

public sealed class WorkItemQuarantineTests
{
    private readonly LedgerFake ledger = new();

    [Fact]
    public async Task An_activity_runs_and_leaves_no_record_behind()
    {
        var quarantine = new WorkItemQuarantine(this.ledger, 2, NullLogger.Instance);
        bool ran = false;

        await quarantine.ActivityAsync(ActivityContext("i1", "Step", "{}"), () => { ran = true; return Task.CompletedTask; });

        Assert.True(ran);
        Assert.Empty(this.ledger.Open);
    }

    [Fact]
    public async Task An_activity_begun_by_as_many_dead_hosts_as_allowed_fails_instead_of_running()
    {
        var quarantine = new WorkItemQuarantine(this.ledger, 2, NullLogger.Instance);
        this.ledger.Deaths = 2;
        DispatchMiddlewareContext context = ActivityContext("i1", "Step", "{}");
        bool ran = false;

        await quarantine.ActivityAsync(context, () => { ran = true; return Task.CompletedTask; });

        Assert.False(ran);
        var failed = Assert.IsType<TaskFailedEvent>(context.GetProperty<ActivityExecutionResult>().ResponseEvent);
        Assert.Equal(7, failed.TaskScheduledId);
        Assert.Equal(WorkItemQuarantine.ErrorType, failed.FailureDetails!.ErrorType);
        Assert.True(failed.FailureDetails.IsNonRetriable);
        Assert.StartsWith("Quarantined: the activity 'Step' of instance 'i1' was begun by 2 host process(es)", failed.Reason, StringComparison.Ordinal);

        // The record stays, so a retry of the same activity is refused at once rather than crashing a host again.
        Assert.Single(this.ledger.Open);
    }

    [Fact]
    public async Task Fewer_deaths_than_allowed_still_run_the_activity()
    {
        var quarantine = new WorkItemQuarantine(this.ledger, 2, NullLogger.Instance);
        this.ledger.Deaths = 1;
        bool ran = false;

        await quarantine.ActivityAsync(ActivityContext("i1", "Step", "{}"), () => { ran = true; return Task.CompletedTask; });

        Assert.True(ran);
    }

    [Fact]
    public async Task An_activity_that_throws_still_ends_its_record()
    {
        var quarantine = new WorkItemQuarantine(this.ledger, 2, NullLogger.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => quarantine.ActivityAsync(ActivityContext("i1", "Step", "{}"), () => throw new InvalidOperationException()));

        Assert.Empty(this.ledger.Open);
    }

    [Fact]
    public async Task The_same_activity_with_other_input_or_in_another_execution_is_another_item()
    {
        var quarantine = new WorkItemQuarantine(this.ledger, 2, NullLogger.Instance);
        this.ledger.KeepOpen = true;

        await quarantine.ActivityAsync(ActivityContext("i1", "Step", "{\"a\":1}"), () => Task.CompletedTask);
        await quarantine.ActivityAsync(ActivityContext("i1", "Step", "{\"a\":2}"), () => Task.CompletedTask);
        await quarantine.ActivityAsync(ActivityContext("i1", "Step", "{\"a\":1}", execution: "e2"), () => Task.CompletedTask);

        Assert.Equal(3, this.ledger.Begun.Distinct().Count());
    }

    [Fact]
    public async Task An_orchestration_episode_begun_by_dead_hosts_ends_the_instance_failed()
    {
        var quarantine = new WorkItemQuarantine(this.ledger, 3, NullLogger.Instance);
        this.ledger.Deaths = 3;
        DispatchMiddlewareContext context = OrchestrationContext("i2");
        bool ran = false;

        await quarantine.OrchestrationAsync(context, () => { ran = true; return Task.CompletedTask; });

        Assert.False(ran);
        var complete = Assert.IsType<OrchestrationCompleteOrchestratorAction>(Assert.Single(context.GetProperty<OrchestratorExecutionResult>().Actions));
        Assert.Equal(OrchestrationStatus.Failed, complete.OrchestrationStatus);
        Assert.Equal(WorkItemQuarantine.ErrorType, complete.FailureDetails!.ErrorType);
        Assert.Contains("orchestration 'Pipeline' of instance 'i2'", complete.Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_record_every_item_simply_runs()
    {
        var quarantine = new WorkItemQuarantine(null, 0, NullLogger.Instance);
        int ran = 0;

        await quarantine.ActivityAsync(new DispatchMiddlewareContext(), () => { ran++; return Task.CompletedTask; });
        await quarantine.OrchestrationAsync(new DispatchMiddlewareContext(), () => { ran++; return Task.CompletedTask; });

        Assert.Equal(2, ran);
    }

    private static DispatchMiddlewareContext ActivityContext(string instance, string name, string input, string execution = "e1")
    {
        var context = new DispatchMiddlewareContext();
        context.SetProperty(new OrchestrationInstance { InstanceId = instance, ExecutionId = execution });
        context.SetProperty(new TaskScheduledEvent(7, name, null, input));
        return context;
    }

    private static DispatchMiddlewareContext OrchestrationContext(string instance)
    {
        var state = new OrchestrationRuntimeState([
            new ExecutionStartedEvent(-1, "{}") { Name = "Pipeline", OrchestrationInstance = new OrchestrationInstance { InstanceId = instance, ExecutionId = "e1" } },
        ]);
        state.AddEvent(new OrchestratorStartedEvent(-1));
        var context = new DispatchMiddlewareContext();
        context.SetProperty(state);
        return context;
    }

    private sealed class LedgerFake : IWorkItemAttempts
    {
        public int Deaths { get; set; }

        public bool KeepOpen { get; set; }

        public List<string> Begun { get; } = [];

        public HashSet<string> Open { get; } = [];

        public Task<int> BeginAsync(string key, CancellationToken cancellationToken = default)
        {
            this.Begun.Add(key);
            this.Open.Add(key);
            return Task.FromResult(this.Deaths);
        }

        public Task EndAsync(string key, CancellationToken cancellationToken = default)
        {
            if (!this.KeepOpen)
            {
                this.Open.Remove(key);
            }

            return Task.CompletedTask;
        }
    }
}
