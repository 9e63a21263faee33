using System.Net;
using System.Text.Json;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class HttpApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Start_then_status_then_completed_with_output()
    {
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/diagnostics", TestKeys.Admin, new { steps = 2 });

        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        string id = started.Json.GetProperty("id").GetString()!;
        foreach (string link in new[] { "statusQueryGetUri", "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri" })
        {
            Assert.StartsWith(platform.BaseUrl.ToString(), started.Json.GetProperty(link).GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(started.Json.GetProperty("statusQueryGetUri").GetString(), started.Headers.Location?.ToString());

        JsonElement done = await platform.WaitForEndAsync(id);

        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        Assert.Equal("DiagnosticsOrchestrator", done.GetProperty("name").GetString());
        Assert.Equal(2, done.GetProperty("output").GetProperty("stepsCompleted").GetInt32());
        Assert.Equal("completed", done.GetProperty("customStatus").GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.OK, (await platform.SendAsync(HttpMethod.Get, $"api/instances/{id}", TestKeys.Business)).Status);
    }

    [Fact]
    public async Task Raise_event_resumes_a_waiting_orchestration()
    {
        string id = await this.StartWaitingAsync();

        ApiResponse raised = await platform.SendAsync(HttpMethod.Post, $"api/instances/{id}/raiseEvent/Approval", TestKeys.ModelRisk,
            new { approvedBy = "risk-officer", approved = true, comment = "fine" });
        JsonElement done = await platform.WaitForEndAsync(id);

        Assert.Equal(HttpStatusCode.Accepted, raised.Status);
        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        Assert.Equal("risk-officer", done.GetProperty("output").GetProperty("approval").GetProperty("approvedBy").GetString());
    }

    [Fact]
    public async Task Terminate_then_purge_removes_the_instance()
    {
        string id = await this.StartWaitingAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await platform.SendAsync(HttpMethod.Delete, $"api/instances/{id}", TestKeys.Operations)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await platform.SendAsync(HttpMethod.Post, $"api/instances/{id}/terminate?reason=test", TestKeys.Operations)).Status);
        JsonElement ended = await platform.WaitForEndAsync(id);
        Assert.Equal("Terminated", ended.GetProperty("runtimeStatus").GetString());

        ApiResponse purged = await platform.SendAsync(HttpMethod.Delete, $"api/instances/{id}", TestKeys.Operations);

        Assert.Equal(HttpStatusCode.OK, purged.Status);
        Assert.Equal(1, purged.Json.GetProperty("purged").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/instances/{id}", TestKeys.Operations)).Status);
    }

    [Fact]
    public async Task List_filters_by_pipeline_and_status()
    {
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/diagnostics", TestKeys.Admin, new { steps = 1 });
        string id = started.Json.GetProperty("id").GetString()!;
        await platform.WaitForEndAsync(id);

        ApiResponse listed = await platform.SendAsync(HttpMethod.Get, "api/instances?pipeline=diagnostics&status=Completed&top=1000", TestKeys.Business);

        Assert.Equal(HttpStatusCode.OK, listed.Status);
        JsonElement[] items = listed.Json.EnumerateArray().ToArray();
        Assert.Contains(items, i => i.GetProperty("instanceId").GetString() == id);
        Assert.All(items, i => Assert.Equal(("DiagnosticsOrchestrator", "Completed"), (i.GetProperty("name").GetString(), i.GetProperty("runtimeStatus").GetString())));
    }

    [Theory]
    [InlineData("POST", "api/pipelines/no-such-pipeline", "{}", HttpStatusCode.NotFound)]
    [InlineData("POST", "api/pipelines/diagnostics", "{\"steps\":", HttpStatusCode.BadRequest)]
    [InlineData("POST", "api/pipelines/diagnostics", "{\"steps\":0}", HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/instances/no-such-instance", null, HttpStatusCode.NotFound)]
    [InlineData("POST", "api/instances/no-such-instance/raiseEvent/Approval", "{}", HttpStatusCode.NotFound)]
    [InlineData("POST", "api/instances/no-such-instance/terminate", null, HttpStatusCode.NotFound)]
    [InlineData("DELETE", "api/instances/no-such-instance", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "api/instances?status=Sleeping", null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "api/instances?top=0", null, HttpStatusCode.BadRequest)]
    public async Task Bad_input_gets_a_problem_document(string method, string path, string? body, HttpStatusCode expected)
    {
        ApiResponse response = await platform.SendAsync(new HttpMethod(method), path, TestKeys.Admin, body);

        Assert.Equal(expected, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal((int)expected, response.Json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Invalid_fields_are_all_named()
    {
        ApiResponse response = await platform.SendAsync(HttpMethod.Post, "api/pipelines/diagnostics", TestKeys.Admin, new { steps = 0, fanOut = -1 });

        string[] errors = response.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Contains(errors, e => e.StartsWith("steps", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("fanOut", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        string huge = "{\"steps\":1,\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        ApiResponse response = await platform.SendAsync(HttpMethod.Post, "api/pipelines/diagnostics", TestKeys.Admin, huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
    }

    [Fact]
    public async Task Starting_with_an_existing_instance_id_is_a_conflict()
    {
        string id = "fixed-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Accepted, (await platform.SendAsync(HttpMethod.Post, $"api/pipelines/diagnostics?instanceId={id}", TestKeys.Admin, "{}")).Status);

        Assert.Equal(HttpStatusCode.Conflict, (await platform.SendAsync(HttpMethod.Post, $"api/pipelines/diagnostics?instanceId={id}", TestKeys.Admin, "{}")).Status);
        await platform.WaitForEndAsync(id);
    }

    [Fact]
    public async Task Health_needs_no_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await platform.SendAsync(HttpMethod.Get, "api/health", null)).Status);
    }

    private async Task<string> StartWaitingAsync()
    {
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/diagnostics", TestKeys.Admin, new { steps = 1, awaitApproval = true });
        string id = started.Json.GetProperty("id").GetString()!;
        await platform.WaitForAsync(id, s => s.TryGetProperty("customStatus", out JsonElement c)
            && c.ValueKind == JsonValueKind.Object && c.GetProperty("stage").GetString() == "awaiting-approval");
        return id;
    }
}
