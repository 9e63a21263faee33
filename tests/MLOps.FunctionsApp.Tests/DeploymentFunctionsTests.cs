using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MLOps.Core.Audit;
using MLOps.Core.Delivery;
using MLOps.Core.Pipelines;
using MLOps.Core.Registry;
using MLOps.Core.Requirements;
using MLOps.Core.Security;
using MLOps.FunctionsApp.Tests.Support;
using MLOps.FunctionsApp.Triggers.Http;
using MLOps.Orchestrations;
using Moq;

namespace MLOps.FunctionsApp.Tests;

/// <summary>The continuous-deployment doors: the start (400 naming fields, 409 while a run holds the endpoint) and the approvals route.</summary>
public sealed class DeploymentFunctionsTests
{
    private const string Digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string RiskKey = "test-risk-key";
    private const string AuthorKey = "test-author-key";
    private const string RunId = "cd-run-7";

    private static readonly Dictionary<string, string?> Approvers = new()
    {
        ["Security:ApiKeys:3:Principal"] = "rita",
        ["Security:ApiKeys:3:Key"] = RiskKey,
        ["Security:ApiKeys:3:Roles:0"] = "ModelRiskAnalyst",
        ["Security:ApiKeys:4:Principal"] = "dana",
        ["Security:ApiKeys:4:Key"] = AuthorKey,
        ["Security:ApiKeys:4:Roles:0"] = "ModelRiskAnalyst",
        ["Security:ApiKeys:4:Roles:1"] = "DataScientist",
    };

    private readonly Mock<IModelRegistry> registry = new();
    private readonly Mock<IApprovalPolicySource> policies = new();

    public DeploymentFunctionsTests()
    {
        this.policies.Setup(p => p.GetPolicyAsync("credit", It.IsAny<CancellationToken>())).ReturnsAsync(ApprovalPolicy.For(RiskTier.High));
        this.registry.Setup(r => r.GetVersionAsync("credit", "credit-model", 5, It.IsAny<CancellationToken>())).ReturnsAsync(new ModelVersion
        {
            Project = "credit", Name = "credit-model", Version = 5, RunId = "r", FeatureSetVersion = 1, FeatureSetSha256 = "f", DataSha256 = "d", SpecSha256 = "s",
            ArtifactUri = "models/credit/credit-model/5/", CreatedAt = DateTimeOffset.UnixEpoch, CreatedBy = "dana",
        });
    }

    [Fact]
    public async Task AStartWithABadBodyIsA400NamingEveryFieldAndStartsNothing()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("POST", "/api/pipelines/cd", ApiKeys.Admin,
            """{ "project": "credit", "endpoint": "Staging!", "strategy": { "kind": "Canary", "stepPercent": 10 }, "promoteTo": "Staging!" }""");

        ExecutedResponse response = await TriggerHarness.ExecuteAsync(
            await harness.Create<PipelineFunctions>().StartAsync(request, PipelineNames.ContinuousDeployment, harness.Durable.Client), request);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        string[] errors = [.. response.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
        Assert.Contains(errors, e => e.StartsWith("package: is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("endpoint: must be a lower-case slug", StringComparison.Ordinal));
        Assert.Contains("promoteTo: must be another endpoint than endpoint (e.g. staging, then production)", errors);
        Assert.Contains("strategy.stepPercent: does not apply to Canary (it takes trafficPercent, bakeSeconds)", errors);
        Assert.Contains("strategy.trafficPercent: is required for Canary", errors);
        harness.Durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task ASecondRunOnAnEndpointWhileTheFirstIsInFlightIsA409NamingItAndOneAfterItFinishedStarts()
    {
        using var harness = new TriggerHarness(replace: services =>
        {
            // The real door check resolves the package in storage; here every request is admitted.
            services.RemoveAll<IAdmissionCheck>();
            services.AddSingleton<IAdmissionCheck>(new AdmitAll());
        });
        string body = $$"""{ "project": "credit", "package": "{{Digest}}", "endpoint": "staging", "strategy": { "kind": "Canary", "trafficPercent": 10, "bakeSeconds": 5 } }""";

        ExecutedResponse first = await StartAsync(harness, body);
        string running = first.Json.GetProperty("id").GetString()!;

        // Another endpoint, promoting to the busy one: refused too, since it would change staging.
        ExecutedResponse second = await StartAsync(harness, body.Replace("\"endpoint\": \"staging\"", "\"endpoint\": \"production\", \"promoteTo\": \"staging\"", StringComparison.Ordinal));

        Assert.Equal(StatusCodes.Status202Accepted, first.StatusCode);
        Assert.Equal(StatusCodes.Status409Conflict, second.StatusCode);
        Assert.Equal(running, second.Json.GetProperty("instanceId").GetString());
        Assert.Equal("credit/endpoints/staging", second.Json.GetProperty("resource").GetString());
        Assert.Contains($"is being changed by the cd run '{running}', which is still in flight", second.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Once the first run has finished, its endpoint is free again.
        harness.Durable.Add(new OrchestrationMetadata(OrchestratorNames.ContinuousDeployment, running) { RuntimeStatus = OrchestrationRuntimeStatus.Failed });
        Assert.Equal(StatusCodes.Status202Accepted, (await StartAsync(harness, body)).StatusCode);
        harness.Durable.VerifyScheduled(OrchestratorNames.ContinuousDeployment, _ => true, Times.Exactly(2));
    }

    [Fact]
    public async Task AnApproverHoldingThePolicysRoleIsRecordedOnTheVersionAuditedAndForwardedToTheRun()
    {
        using TriggerHarness harness = this.Harness();
        WaitingRun(harness);
        DeploymentApproval? sent = null;
        harness.Durable.Mock.Setup(c => c.RaiseEventAsync(RunId, DeploymentApproval.EventName, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, object?, CancellationToken>((_, _, payload, _) => sent = (DeploymentApproval)payload!)
            .Returns(Task.CompletedTask);

        ExecutedResponse response = await DecideAsync(harness, RiskKey, """{ "decision": "Approved", "reason": "validated the fairness figures" }""");

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.NotNull(sent);
        Assert.Equal((ApprovalStatus.Approved, "rita", "validated the fairness figures"), (sent.Decision, sent.Principal, sent.Reason));
        Assert.Equal([Role.ModelRiskAnalyst], sent.Roles);
        this.registry.Verify(r => r.SetApprovalAsync(
            "credit", "credit-model", 5, ApprovalStatus.Approved, "rita", It.Is<IReadOnlyCollection<Role>>(roles => roles.Contains(Role.ModelRiskAnalyst)), "validated the fairness figures", It.IsAny<CancellationToken>()), Times.Once);
        harness.Audit.Verify(a => a.AppendAsync(It.Is<AuditEntry>(e => e.Action == "deployment.approval" && e.Actor == "rita"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(ApiKeys.DataScientist, "test-data-scientist does not hold ModelRiskAnalyst, the role the High-risk policy needs")]
    [InlineData(ApiKeys.Admin, "test-admin does not hold ModelRiskAnalyst")]
    [InlineData(AuthorKey, "dana created models:/credit-model/5 (credit); the High-risk policy requires someone else to approve it (separation of duties).")]
    public async Task AWrongRoleOrTheAuthorIsRefusedAuditedAndNeitherRecordedNorForwarded(string key, string expected)
    {
        using TriggerHarness harness = this.Harness();
        WaitingRun(harness);

        ExecutedResponse response = await DecideAsync(harness, key, """{ "decision": "Approved", "reason": "looks fine" }""");

        Assert.Equal(StatusCodes.Status403Forbidden, response.StatusCode);
        Assert.StartsWith(expected, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        harness.Audit.Verify(a => a.AppendAsync(
            It.Is<AuditEntry>(e => e.Action == "deployment.approval.refused" && e.Outcome.StartsWith(expected, StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
        this.registry.Verify(r => r.SetApprovalAsync(
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<ApprovalStatus>(), It.IsAny<string>(), It.IsAny<IReadOnlyCollection<Role>>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        harness.Durable.Mock.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ADecisionForARunThatWaitsForNoneOrDoesNotExistOrIsMalformedIsRefused()
    {
        using TriggerHarness harness = this.Harness();
        harness.Durable.Add(new OrchestrationMetadata(OrchestratorNames.ContinuousDeployment, RunId)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            SerializedCustomStatus = Status(new DeploymentProgress("rollout", 0, 2, Step: "canary 10%")),
        });

        ExecutedResponse notWaiting = await DecideAsync(harness, RiskKey, """{ "decision": "Approved", "reason": "ok" }""");
        ExecutedResponse unknown = await DecideAsync(harness, RiskKey, """{ "decision": "Approved", "reason": "ok" }""", "nope");
        ExecutedResponse malformed = await DecideAsync(harness, RiskKey, """{ "decision": "Pending", "reason": " " }""");

        Assert.Equal(StatusCodes.Status409Conflict, notWaiting.StatusCode);
        Assert.Equal(StatusCodes.Status404NotFound, unknown.StatusCode);
        Assert.Equal(StatusCodes.Status400BadRequest, malformed.StatusCode);
        Assert.Equal(
            ["decision: must be Approved or Rejected", "reason: must say why the release is approved or rejected"],
            malformed.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task TheGenericRaiseEventRouteCannotSendAnApproval()
    {
        using TriggerHarness harness = this.Harness();
        WaitingRun(harness);
        HttpRequest request = harness.Request("POST", $"/api/instances/{RunId}/raiseEvent/{DeploymentApproval.EventName}", ApiKeys.DataScientist,
            """{ "decision": "Approved", "principal": "rita", "roles": ["ModelRiskAnalyst"], "reason": "forged" }""");

        ExecutedResponse response = await TriggerHarness.ExecuteAsync(
            await harness.Create<InstanceFunctions>().RaiseEventAsync(request, RunId, DeploymentApproval.EventName, harness.Durable.Client), request);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        harness.Durable.Mock.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(true, true, StatusCodes.Status200OK, 1)]
    [InlineData(false, true, StatusCodes.Status200OK, 0)]
    [InlineData(true, false, StatusCodes.Status400BadRequest, 0)]
    public async Task PackageBuiltStartsCdOntoTheConfiguredEndpointOnlyWhenTheSpecNamesAStrategy(bool specNamesStrategy, bool passed, int status, int starts)
    {
        var gates = new Mock<MLOps.Core.Projects.IProjectGatesSource>();
        gates.Setup(g => g.GetGatesAsync("credit", It.IsAny<CancellationToken>())).ReturnsAsync(Gates(specNamesStrategy ? [new CanaryDeployment { TrafficPercent = 10, BakeMinutes = 60 }] : []));
        var admitted = new List<object>();
        using var harness = new TriggerHarness(new Dictionary<string, string?> { ["Delivery:PromoteTo"] = "production" }, services =>
        {
            services.RemoveAll<IAdmissionCheck>();
            services.AddSingleton<IAdmissionCheck>(new AdmitAll(admitted));
            services.Replace(ServiceDescriptor.Singleton(gates.Object));
        });
        string body = $$"""
            [{
              "id": "ci-1:package-built",
              "subject": "projects/credit/models/credit-model/versions/5/builds/ci-1",
              "data": { "Project": "credit", "Model": "credit-model", "Version": 5, "Digest": "{{Digest}}", "BuildId": "ci-1", "Passed": {{(passed ? "true" : "false")}},
                        "Summary": "every check passed", "FailedChecks": [], "Checks": [], "Record": "credit/credit-model/v5/ci-1/build.json" },
              "eventType": "MLOps.Integration.PackageBuilt",
              "eventTime": "2025-01-01T10:00:00Z",
              "dataVersion": "1.0"
            }]
            """;
        HttpRequest request = harness.Request("POST", "/api/events", ApiKeys.Platform, body);

        ExecutedResponse response = await TriggerHarness.ExecuteAsync(
            await harness.Create<MLOps.FunctionsApp.Triggers.EventGridWebhookFunction>().ReceiveAsync(request, harness.Durable.Client), request);

        Assert.Equal(status, response.StatusCode);
        harness.Durable.VerifyScheduled(OrchestratorNames.ContinuousDeployment, o => o?.InstanceId?.StartsWith(InstanceIds.EventPrefix, StringComparison.Ordinal) == true, Times.Exactly(starts));
        if (starts == 1)
        {
            Assert.Equal(
                new DeploymentRequest("credit", Package: Digest, Endpoint: "staging", PromoteTo: "production", Source: "PackageBuilt of credit-model v5 (build ci-1)"),
                Assert.Single(admitted));
        }
        else if (!passed)
        {
            Assert.Contains("events[0].data.passed: must be true", response.Json.GetProperty("detail").GetString() + string.Join(" ", response.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString())), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("the spec of project 'credit' names no deployment strategy", response.Json.GetProperty("ignored")[0].GetProperty("reason").GetString());
        }
    }

    private static ProjectGates Gates(IReadOnlyList<DeploymentPreference> deployment) => new()
    {
        Project = "credit", SpecSha256 = "s", Task = ModelTask.BinaryClassification, Target = new TargetSpec { Column = "y" },
        Acceptance = new AcceptanceGate { Metric = AcceptanceMetric.Auc, Threshold = 0.7, Direction = GateDirection.AtLeast }, Latency = new LatencyBudget { P95Ms = 250 },
        DataRules = new DataRules { MinRows = 1, Columns = [] }, SensitiveAttributes = [], Approval = ApprovalPolicy.For(RiskTier.Low), Deployment = deployment,
    };

    private TriggerHarness Harness() => new(Approvers, services =>
    {
        services.Replace(ServiceDescriptor.Singleton(this.registry.Object));
        services.Replace(ServiceDescriptor.Singleton(this.policies.Object));
    });

    private static void WaitingRun(TriggerHarness harness) =>
        harness.Durable.Add(new OrchestrationMetadata(OrchestratorNames.ContinuousDeployment, RunId)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            SerializedCustomStatus = Status(new DeploymentProgress(
                DeploymentProgress.ApprovalStage, 0, 2,
                Approval: new AwaitedApproval("credit", "credit-model", 5, Role.ModelRiskAnalyst, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(3), false))),
        });

    /// <summary>The status as the run writes it: the platform's data converter.</summary>
    private static string Status(DeploymentProgress progress) => JsonSerializer.Serialize(progress, PlatformDataConverter.JsonOptions);

    private static async Task<ExecutedResponse> StartAsync(TriggerHarness harness, string body)
    {
        HttpRequest request = harness.Request("POST", "/api/pipelines/cd", ApiKeys.Admin, body);
        return await TriggerHarness.ExecuteAsync(
            await harness.Create<PipelineFunctions>().StartAsync(request, PipelineNames.ContinuousDeployment, harness.Durable.Client), request);
    }

    private static async Task<ExecutedResponse> DecideAsync(TriggerHarness harness, string key, string body, string id = RunId)
    {
        HttpRequest request = harness.Request("POST", $"/api/pipelines/cd/{id}/approvals", key, body);
        return await TriggerHarness.ExecuteAsync(await harness.Create<DeploymentFunctions>().DecideAsync(request, id, harness.Durable.Client), request);
    }

    private sealed class AdmitAll(List<object>? admitted = null) : IAdmissionCheck
    {
        public Type InputType => typeof(DeploymentRequest);

        public Task<IReadOnlyList<string>> CheckAsync(object input, CancellationToken cancellationToken = default)
        {
            admitted?.Add(input);
            return Task.FromResult<IReadOnlyList<string>>([]);
        }
    }
}
