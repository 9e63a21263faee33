using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using MLOps.Core.Audit;
using MLOps.Core.Diagnostics;
using MLOps.Core.Pipelines;
using MLOps.FunctionsApp.Tests.Support;
using MLOps.FunctionsApp.Triggers.Http;
using Moq;

namespace MLOps.FunctionsApp.Tests;

public sealed class PipelineFunctionsTests
{
    [Fact]
    public async Task StartReturns202WithManagementUrlsAndSchedulesTheOrchestrator()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("POST", "/api/pipelines/diagnostics", ApiKeys.Admin, """{ "steps": 2 }""");

        IResult result = await harness.Create<PipelineFunctions>().StartAsync(request, PipelineNames.Diagnostics, harness.Durable.Client);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        string id = response.Json.GetProperty("id").GetString()!;
        string statusUri = response.Json.GetProperty("statusQueryGetUri").GetString()!;
        Assert.Equal($"http://localhost/api/instances/{id}", statusUri);
        Assert.Equal(statusUri, response.Headers.Location.ToString());
        Assert.False(response.Json.GetProperty("duplicate").GetBoolean());
        harness.Durable.Mock.Verify(
            c => c.ScheduleNewOrchestrationInstanceAsync(
                It.Is<TaskName>(n => n.Name == OrchestratorNames.Diagnostics),
                It.Is<object?>(input => input is DiagnosticsRequest && ((DiagnosticsRequest)input).Steps == 2),
                It.IsAny<StartOrchestrationOptions?>(),
                It.IsAny<CancellationToken>()),
            Times.Once);
        harness.Audit.Verify(
            a => a.AppendAsync(It.Is<AuditEntry>(e => e.Action == "pipeline.start" && e.Actor == "test-admin"), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task StartOfUnknownPipelineIs404()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("POST", "/api/pipelines/nope", ApiKeys.Admin, "{}");

        IResult result = await harness.Create<PipelineFunctions>().StartAsync(request, "nope", harness.Durable.Client);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
        harness.Durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task StartWithoutKeyIs401()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("POST", "/api/pipelines/diagnostics", apiKey: null, "{}");

        IResult result = await harness.Create<PipelineFunctions>().StartAsync(request, PipelineNames.Diagnostics, harness.Durable.Client);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
        harness.Durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task StartByRoleWithoutStartRightIs403()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("POST", "/api/pipelines/diagnostics", ApiKeys.DataScientist, "{}");

        IResult result = await harness.Create<PipelineFunctions>().StartAsync(request, PipelineNames.Diagnostics, harness.Durable.Client);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status403Forbidden, response.StatusCode);
        Assert.Contains("test-data-scientist", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        harness.Durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task StartWithMalformedJsonIs400()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("POST", "/api/pipelines/diagnostics", ApiKeys.Admin, "{ \"steps\": ");

        IResult result = await harness.Create<PipelineFunctions>().StartAsync(request, PipelineNames.Diagnostics, harness.Durable.Client);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal(400, response.Json.GetProperty("status").GetInt32());
        harness.Durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task ListNamesEveryPipeline()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("GET", "/api/pipelines", ApiKeys.DataScientist);

        IResult result = harness.Create<PipelineFunctions>().List(request);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(
            [PipelineNames.BatchScoring, PipelineNames.ContinuousDeployment, PipelineNames.ContinuousIntegration, PipelineNames.DataEngineering, PipelineNames.Diagnostics, PipelineNames.Experiment, PipelineNames.Reproduce, PipelineNames.Requirements],
            response.Json.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }
}
