using Microsoft.DurableTask;
using Moq;
using MLOps.Activities.Diagnostics;
using MLOps.Core.Diagnostics;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations;
using MLOps.Orchestrations.Platform;

namespace MLOps.UnitTests.Orchestrations;

public class DiagnosticsOrchestratorTests
{
    private readonly OrchestrationContextMock context = new("diag-1");
    private readonly List<DiagnosticStep> steps = [];

    public DiagnosticsOrchestratorTests()
    {
        this.context.Mock.Setup(c => c.CallActivityAsync<string>(
                It.Is<TaskName>(n => n.Name == nameof(RunDiagnosticStepActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => this.steps.Add((DiagnosticStep)input!))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) => $"host-{((DiagnosticStep)input!).Step}");
    }

    [Fact]
    public async Task Runs_each_step_in_order_and_reports_progress()
    {
        DiagnosticsReport report = await new DiagnosticsOrchestrator().RunAsync(this.context.Object, new DiagnosticsRequest(Steps: 3, StepDelayMilliseconds: 7));

        Assert.Equal([1, 2, 3], this.steps.Select(s => s.Step));
        Assert.All(this.steps, s => Assert.Equal(("diag-1", 7), (s.InstanceId, s.DelayMilliseconds)));
        Assert.Equal(["host-1", "host-2", "host-3"], report.StepHosts);
        Assert.Equal([0, 1, 2, 3], this.context.Statuses.Select(s => s.Completed));
        Assert.Equal("completed", this.context.Statuses[^1].Stage);
        Assert.Equal([PipelineState.Started, PipelineState.Completed], this.context.States);
    }

    [Fact]
    public async Task Fans_out_and_counts_what_fans_in()
    {
        this.context.Mock.Setup(c => c.CallActivityAsync<int>(
                It.Is<TaskName>(n => n.Name == nameof(EchoActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync((TaskName _, object? input, TaskOptions? _) => (int)input!);

        DiagnosticsReport report = await new DiagnosticsOrchestrator().RunAsync(this.context.Object, new DiagnosticsRequest(Steps: 1, FanOut: 25));

        Assert.Equal(25, report.FanOutCompleted);
        this.context.Mock.Verify(
            c => c.CallActivityAsync<int>(It.Is<TaskName>(n => n.Name == nameof(EchoActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()),
            Times.Exactly(25));
    }

    [Fact]
    public async Task Waits_for_the_approval_event_and_reports_the_approver()
    {
        var approval = new Approval("ops", Approved: true);
        // The timeout overload is not virtual: it races a durable timer against the abstract wait.
        var timeouts = new List<TimeSpan>();
        this.context.Mock.Setup(c => c.CreateTimer(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Callback<TimeSpan, CancellationToken>((delay, _) => timeouts.Add(delay))
            .Returns(new TaskCompletionSource().Task);
        this.context.Mock.Setup(c => c.WaitForExternalEvent<Approval>(Approval.EventName, It.IsAny<CancellationToken>()))
            .ReturnsAsync(approval);

        DiagnosticsReport report = await new DiagnosticsOrchestrator().RunAsync(
            this.context.Object, new DiagnosticsRequest(Steps: 1, AwaitApproval: true, ApprovalTimeoutSeconds: 30));

        Assert.Equal(approval, report.Approval);
        Assert.Equal([TimeSpan.FromSeconds(30)], timeouts);
        Assert.Contains(this.context.Statuses, s => s.Stage == "awaiting-approval");
    }

    [Fact]
    public async Task A_failed_step_is_recorded_as_a_failed_pipeline_and_rethrown()
    {
        var failure = new TaskFailedException(nameof(RunDiagnosticStepActivity), 1,
            new TaskFailureDetails("IOException", "disk full", null, null, null));
        this.context.Mock.Setup(c => c.CallActivityAsync<string>(
                It.Is<TaskName>(n => n.Name == nameof(RunDiagnosticStepActivity)), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(failure);

        await Assert.ThrowsAsync<TaskFailedException>(() =>
            new DiagnosticsOrchestrator().RunAsync(this.context.Object, new DiagnosticsRequest(Steps: 2)));

        Assert.Equal([PipelineState.Started, PipelineState.Failed], this.context.States);
        Assert.Equal("disk full", this.context.Lifecycle[^1].Detail);
    }

    [Fact]
    public async Task An_approval_that_never_comes_fails_the_pipeline_instead_of_cancelling_it()
    {
        this.context.Mock.Setup(c => c.CreateTimer(It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        // Like the real context: a wait that never gets its event ends cancelled when the timer wins.
        this.context.Mock.Setup(c => c.WaitForExternalEvent<Approval>(Approval.EventName, It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((_, cancellation) =>
            {
                var never = new TaskCompletionSource<Approval>();
                cancellation.Register(() => never.TrySetCanceled(cancellation));
                return never.Task;
            });

        Task<DiagnosticsReport> run = new DiagnosticsOrchestrator().RunAsync(
            this.context.Object, new DiagnosticsRequest(Steps: 1, AwaitApproval: true, ApprovalTimeoutSeconds: 5));
        PipelineFailedException failure = await Assert.ThrowsAsync<PipelineFailedException>(() => run);

        Assert.True(run.IsFaulted);
        Assert.Contains("5 s", failure.Message, StringComparison.Ordinal);
        Assert.Equal([PipelineState.Started, PipelineState.Failed], this.context.States);
    }
}
