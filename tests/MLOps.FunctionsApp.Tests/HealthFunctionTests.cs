using Microsoft.AspNetCore.Http;
using MLOps.FunctionsApp.Tests.Support;
using MLOps.FunctionsApp.Triggers;

namespace MLOps.FunctionsApp.Tests;

public sealed class HealthFunctionTests
{
    [Fact]
    public async Task HealthNeedsNoKey()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("GET", "/api/health");

        ExecutedResponse response = await TriggerHarness.ExecuteAsync(HealthFunction.Run(request), request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("healthy", response.Json.GetProperty("status").GetString());
    }
}
