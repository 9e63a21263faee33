using System.Net;
using System.Text.Json;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests.Delivery;

/// <summary>The continuous-deployment doors on the real host: what is refused before any run starts.</summary>
[Collection(PlatformCollection.Name)]
public class DeploymentDoorTests(PlatformFixture platform)
{
    private const string Digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task A_deployment_of_a_project_nobody_registered_is_a_400_naming_the_project_and_starts_nothing()
    {
        string project = "cd-" + Guid.NewGuid().ToString("N")[..8];

        ApiResponse response = await platform.SendAsync(HttpMethod.Post, "api/pipelines/cd", TestKeys.Operations,
            new { project, package = Digest, endpoint = "staging", strategy = new { kind = "Canary", trafficPercent = 10, bakeSeconds = 5 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.StartsWith($"project: '{project}' is not registered", Assert.Single(response.Json.GetProperty("errors").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_deployment_names_every_field_and_a_role_that_may_not_deploy_is_a_403()
    {
        ApiResponse malformed = await platform.SendAsync(HttpMethod.Post, "api/pipelines/cd", TestKeys.Operations,
            new { project = "credit", model = "credit-model", endpoint = "staging", strategy = new { kind = "Linear", stepPercent = 0.5 }, gates = new { maxErrorRate = 3 } });
        ApiResponse scientist = await platform.SendAsync(HttpMethod.Post, "api/pipelines/cd", TestKeys.DataScientist, new { project = "credit" });

        string[] errors = [.. malformed.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Contains("version: is required with model", errors);
        Assert.Contains("strategy.stepPercent: must be a percentage in [1, 100) with at most 2 decimals", errors);
        Assert.Contains("gates.maxErrorRate: must be a rate from 0 to 1", errors);
        Assert.Equal(HttpStatusCode.Forbidden, scientist.Status);
    }

    [Fact]
    public async Task A_decision_for_a_run_that_is_not_a_deployment_is_a_404()
    {
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/diagnostics", TestKeys.Admin, new { steps = 1 });
        string id = started.Json.GetProperty("id").GetString()!;

        ApiResponse diagnostics = await platform.SendAsync(HttpMethod.Post, $"api/pipelines/cd/{id}/approvals", TestKeys.ModelRisk, new { decision = "Approved", reason = "ok" });
        ApiResponse unknown = await platform.SendAsync(HttpMethod.Post, "api/pipelines/cd/no-such-run/approvals", TestKeys.ModelRisk, new { decision = "Approved", reason = "ok" });

        Assert.Equal(HttpStatusCode.NotFound, diagnostics.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("application/problem+json", unknown.MediaType);
        JsonElement done = await platform.WaitForEndAsync(id);
        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
    }
}
