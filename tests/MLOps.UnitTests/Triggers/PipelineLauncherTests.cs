using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using MLOps.Core.Audit;
using MLOps.Core.Delivery;
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
    private readonly Mock<IStartClaims> claims = new();
    private readonly Mock<IRunLocks> locks = new(MockBehavior.Strict);
    private readonly PipelineLauncher launcher;
    private readonly PipelineDefinition diagnostics;
    private readonly CallerIdentity caller = new("ana", new HashSet<Role> { Role.Admin });

    public PipelineLauncherTests()
    {
        this.launcher = new PipelineLauncher(this.audit.Object, this.claims.Object, this.locks.Object, TestMetrics.Create(), NullLogger<PipelineLauncher>.Instance);
        this.claims.Setup(c => c.TryClaimAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
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

    [Fact]
    public async Task A_start_whose_claim_another_caller_holds_is_a_duplicate_and_neither_scheduled_nor_audited()
    {
        this.claims.Setup(c => c.TryClaimAsync("contended", "none", PipelineLauncher.StaleClaim, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        StartOutcome outcome = await this.launcher.StartAsync(this.client.Object, this.diagnostics, new DiagnosticsRequest(), "contended", this.caller, "http");

        Assert.True(outcome.Duplicate);
        this.client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
        this.audit.Verify(a => a.AppendAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task The_claim_is_let_go_once_the_run_is_scheduled()
    {
        await this.launcher.StartAsync(this.client.Object, this.diagnostics, new DiagnosticsRequest(), "released", this.caller, "http");

        this.claims.Verify(c => c.ReleaseAsync("released", "none", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_run_that_appeared_while_claiming_makes_the_start_a_duplicate()
    {
        // Looked before the other caller's run existed, claimed after that caller had scheduled it and let its claim go.
        this.client.SetupSequence(c => c.GetInstancesAsync("late", It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null)
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.Diagnostics, "late") { RuntimeStatus = OrchestrationRuntimeStatus.Pending });

        StartOutcome outcome = await this.launcher.StartAsync(this.client.Object, this.diagnostics, new DiagnosticsRequest(), "late", this.caller, "http");

        Assert.True(outcome.Duplicate);
        this.claims.Verify(c => c.ReleaseAsync("late", "none", It.IsAny<CancellationToken>()), Times.Once);
        this.client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
        this.audit.Verify(a => a.AppendAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Generated_ids_need_no_claim()
    {
        await this.launcher.StartAsync(this.client.Object, this.diagnostics, new DiagnosticsRequest(), null, this.caller, "http");

        this.claims.Verify(c => c.TryClaimAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Failed, false)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, false)]
    [InlineData(OrchestrationRuntimeStatus.Running, true)]
    [InlineData(OrchestrationRuntimeStatus.Pending, true)]
    [InlineData(OrchestrationRuntimeStatus.Completed, true)]
    public async Task Again_after_failure_restarts_only_a_failed_or_terminated_run(OrchestrationRuntimeStatus status, bool duplicate)
    {
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        this.client.Setup(c => c.GetInstancesAsync("spec", It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.Diagnostics, "spec") { RuntimeStatus = status, CreatedAt = created });

        StartOutcome outcome = await this.launcher.StartAsync(
            this.client.Object, this.diagnostics, new DiagnosticsRequest(), "spec", this.caller, "http", StartPolicy.AgainAfterFailure);

        Assert.Equal(duplicate, outcome.Duplicate);
        if (!duplicate)
        {
            // The claim is for replacing that very run, and the backend may overwrite a failed one but nothing else.
            this.claims.Verify(c => c.TryClaimAsync("spec", created.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()));
            this.client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(),
                It.Is<StartOrchestrationOptions?>(o => !o!.DedupeStatuses!.Contains("Failed") && o.DedupeStatuses!.Contains("Completed") && o.DedupeStatuses!.Contains("Running")),
                It.IsAny<CancellationToken>()));
        }
    }

    [Fact]
    public async Task Once_never_restarts_a_failed_run()
    {
        this.client.Setup(c => c.GetInstancesAsync("event", It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.Diagnostics, "event") { RuntimeStatus = OrchestrationRuntimeStatus.Failed });

        Assert.True((await this.launcher.StartAsync(this.client.Object, this.diagnostics, new DiagnosticsRequest(), "event", this.caller, "eventgrid")).Duplicate);
    }

    [Fact]
    public async Task An_exclusive_run_is_named_before_it_starts_and_starts_only_holding_its_resources()
    {
        Assert.True(PipelineCatalog.Default.TryGet(PipelineNames.ContinuousDeployment, out PipelineDefinition? cd));
        var request = new DeploymentRequest("credit", Package: new string('a', 64), Endpoint: "staging", PromoteTo: "production");
        string? named = null;
        this.locks.Setup(l => l.TryAcquireAsync(
                It.Is<IReadOnlyList<string>>(r => r.Count == 2 && r[0] == "credit/endpoints/staging" && r[1] == "credit/endpoints/production"),
                It.IsAny<string>(), It.IsAny<Func<string, CancellationToken, Task<bool?>>>(), PipelineLauncher.StaleClaim, It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<string>, string, Func<string, CancellationToken, Task<bool?>>, TimeSpan, CancellationToken>((_, id, _, _, _) => named = id)
            .ReturnsAsync((RunLockHolder?)null);

        StartOutcome outcome = await this.launcher.StartAsync(this.client.Object, cd, request, null, this.caller, "http");

        Assert.True(outcome.Started);
        Assert.Equal(named, outcome.InstanceId);
        Assert.Equal(32, named!.Length);
    }

    [Fact]
    public async Task An_exclusive_run_whose_resource_a_running_run_holds_is_refused_naming_that_run()
    {
        Assert.True(PipelineCatalog.Default.TryGet(PipelineNames.ContinuousDeployment, out PipelineDefinition? cd));
        this.client.Setup(c => c.GetInstancesAsync("cd-first", It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.ContinuousDeployment, "cd-first") { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        bool? holderRunning = null;
        this.locks.Setup(l => l.TryAcquireAsync(It.IsAny<IReadOnlyList<string>>(), "cd-second", It.IsAny<Func<string, CancellationToken, Task<bool?>>>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .Returns<IReadOnlyList<string>, string, Func<string, CancellationToken, Task<bool?>>, TimeSpan, CancellationToken>(async (_, _, isRunning, _, c) =>
            {
                holderRunning = await isRunning("cd-first", c);
                return new RunLockHolder("credit/endpoints/staging", "cd-first");
            });

        StartOutcome outcome = await this.launcher.StartAsync(
            this.client.Object, cd, new DeploymentRequest("credit", Package: new string('a', 64), Endpoint: "staging"), "cd-second", this.caller, "http");

        Assert.Equal((false, new RunLockHolder("credit/endpoints/staging", "cd-first"), true), (outcome.Started, outcome.Busy, holderRunning));
        this.client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
        this.claims.Verify(c => c.ReleaseAsync("cd-second", "none", It.IsAny<CancellationToken>()), Times.Once);
        this.audit.Verify(a => a.AppendAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
