using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using MLOps.Core.Audit;
using MLOps.Core.Diagnostics;
using MLOps.Core.Observability;
using MLOps.Core.Pipelines;
using MLOps.Core.Security;
using MLOps.Triggers.Launching;

namespace MLOps.UnitTests.Triggers;

public class PipelineLauncherTests
{
    // CallBase: GetInstanceAsync overloads forward to the abstract GetInstancesAsync, which is what is set up.
    private readonly Mock<DurableTaskClient> client = new("test") { CallBase = true };
    private readonly Mock<IAuditLog> audit = new();
    private readonly PipelineLauncher launcher;
    private readonly PipelineDefinition diagnostics;
    private readonly CallerIdentity caller = new("ana", new HashSet<Role> { Role.Admin });

    public PipelineLauncherTests()
    {
        this.launcher = new PipelineLauncher(this.audit.Object, TestMetrics.Create(), NullLogger<PipelineLauncher>.Instance);
        Assert.True(PipelineCatalog.Default.TryGet(PipelineNames.Diagnostics, out PipelineDefinition? found));
        this.diagnostics = found;
        this.client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? o, CancellationToken _) => o?.InstanceId ?? "generated");
    }

    [Fact]
    public async Task Starts_the_pipelines_orchestrator_and_audits_the_caller()
    {
        var input = new DiagnosticsRequest(Steps: 2);

        StartOutcome outcome = await this.launcher.StartAsync(this.client.Object, this.diagnostics, input, null, this.caller, "http");

        Assert.Equal(("generated", false), (outcome.InstanceId, outcome.Duplicate));
        this.client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.Is<TaskName>(n => n.Name == OrchestratorNames.Diagnostics), input, It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()));
        this.audit.Verify(a => a.AppendAsync(
            It.Is<AuditEntry>(e => e.Actor == "ana" && e.Action == "pipeline.start" && e.Target == "diagnostics/generated" && e.InputsSha256 != null),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_known_instance_id_starts_nothing()
    {
        this.client.Setup(c => c.GetInstancesAsync("fixed", It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.Diagnostics, "fixed"));

        StartOutcome outcome = await this.launcher.StartAsync(this.client.Object, this.diagnostics, new DiagnosticsRequest(), "fixed", this.caller, "eventgrid");

        Assert.True(outcome.Duplicate);
        this.client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
        this.audit.Verify(a => a.AppendAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Losing_a_start_race_is_a_duplicate_not_an_error()
    {
        this.client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("exists"));

        StartOutcome outcome = await this.launcher.StartAsync(this.client.Object, this.diagnostics, new DiagnosticsRequest(), "raced", this.caller, "blob");

        Assert.True(outcome.Duplicate);
    }

    [Fact]
    public async Task Deterministic_ids_ask_the_backend_to_refuse_any_existing_instance()
    {
        await this.launcher.StartAsync(this.client.Object, this.diagnostics, new DiagnosticsRequest(), "once", this.caller, "timer");

        this.client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == "once" && o.DedupeStatuses!.Contains("Completed") && o.DedupeStatuses!.Contains("Running")),
            It.IsAny<CancellationToken>()));
    }
}
