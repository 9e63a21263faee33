using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using MLOps.Core.Pipelines;
using MLOps.FunctionsApp.Tests.Support;
using MLOps.FunctionsApp.Triggers.Http;

namespace MLOps.FunctionsApp.Tests;

public sealed class InstanceFunctionsTests
{
    [Fact]
    public async Task StatusOfUnknownInstanceIs404()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("GET", "/api/instances/missing", ApiKeys.Admin);

        IResult result = await harness.Create<InstanceFunctions>().GetAsync(request, "missing", harness.Durable.Client);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        Assert.Contains("missing", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusOfRunningInstanceIs202InTheDurableShape()
    {
        using var harness = new TriggerHarness();
        harness.Durable.Add(new OrchestrationMetadata(OrchestratorNames.Diagnostics, "run-1")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            SerializedInput = """{"steps":1}""",
        });
        HttpRequest request = harness.Request("GET", "/api/instances/run-1", ApiKeys.Admin);

        IResult result = await harness.Create<InstanceFunctions>().GetAsync(request, "run-1", harness.Durable.Client);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status202Accepted, response.StatusCode);
        Assert.Equal("Running", response.Json.GetProperty("runtimeStatus").GetString());
        Assert.Equal(1, response.Json.GetProperty("input").GetProperty("steps").GetInt32());
    }

    [Fact]
    public async Task TerminateOfFinishedInstanceIs409()
    {
        using var harness = new TriggerHarness();
        harness.Durable.Add(new OrchestrationMetadata(OrchestratorNames.Diagnostics, "done-1")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Completed,
        });
        HttpRequest request = harness.Request("POST", "/api/instances/done-1/terminate", ApiKeys.Admin);

        IResult result = await harness.Create<InstanceFunctions>().TerminateAsync(request, "done-1", harness.Durable.Client);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status409Conflict, response.StatusCode);
    }
}
