using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class AuditTests(PlatformFixture platform)
{
    [Fact]
    public async Task Mutating_calls_and_pipeline_state_changes_are_audited()
    {
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/diagnostics", TestKeys.Admin, new { steps = 1 });
        string id = started.Json.GetProperty("id").GetString()!;
        await platform.WaitForEndAsync(id);

        JsonElement[] records = (await platform.SendAsync(HttpMethod.Get, "api/audit?take=1000", TestKeys.ModelRisk)).Json.EnumerateArray().ToArray();

        Assert.Contains(records, r => r.GetProperty("action").GetString() == "pipeline.start"
            && r.GetProperty("actor").GetString() == "admin" && r.GetProperty("target").GetString() == $"diagnostics/{id}"
            && r.GetProperty("inputsSha256").GetString()!.Length == 64);
        Assert.Contains(records, r => r.GetProperty("action").GetString() == "pipeline.started" && r.GetProperty("target").GetString() == id);
        Assert.Contains(records, r => r.GetProperty("action").GetString() == "pipeline.completed" && r.GetProperty("target").GetString() == id);
        Assert.DoesNotContain(records, r => r.GetRawText().Contains("test-admin-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_pipeline_is_audited_and_reports_its_failure()
    {
        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/diagnostics", TestKeys.Admin,
            new { steps = 1, awaitApproval = true, approvalTimeoutSeconds = 1 });
        string id = started.Json.GetProperty("id").GetString()!;

        JsonElement failed = await platform.WaitForEndAsync(id);

        Assert.Equal("Failed", failed.GetProperty("runtimeStatus").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("failureDetails").GetProperty("errorType").GetString()));
        JsonElement[] records = (await platform.SendAsync(HttpMethod.Get, "api/audit?take=1000", TestKeys.ModelRisk)).Json.EnumerateArray().ToArray();
        Assert.Contains(records, r => r.GetProperty("action").GetString() == "pipeline.failed" && r.GetProperty("target").GetString() == id);
    }

    [Fact]
    public async Task Verify_reports_the_first_edited_record()
    {
        await platform.SendAsync(HttpMethod.Post, "api/pipelines/diagnostics", TestKeys.Admin, new { steps = 1 });
        await platform.SendAsync(HttpMethod.Post, "api/pipelines/diagnostics", TestKeys.Admin, new { steps = 1 });
        ApiResponse before = await platform.SendAsync(HttpMethod.Get, "api/audit/verify", TestKeys.ModelRisk);
        Assert.True(before.Json.GetProperty("intact").GetBoolean(), before.Json.ToString());

        BlobClient second = platform.Blobs.GetBlobContainerClient("audit").GetBlobClient("records/000000000002.json");
        BinaryData original = (await second.DownloadContentAsync()).Value.Content;
        string edited = original.ToString().Replace("\"Outcome\":\"", "\"Outcome\":\"forged ", StringComparison.Ordinal);
        Assert.NotEqual(original.ToString(), edited);
        await second.UploadAsync(BinaryData.FromString(edited), overwrite: true);
        try
        {
            ApiResponse after = await platform.SendAsync(HttpMethod.Get, "api/audit/verify", TestKeys.ModelRisk);

            Assert.Equal(HttpStatusCode.OK, after.Status);
            Assert.False(after.Json.GetProperty("intact").GetBoolean());
            Assert.Equal(2, after.Json.GetProperty("firstBrokenSequence").GetInt64());
        }
        finally
        {
            await second.UploadAsync(original, overwrite: true);
        }

        Assert.True((await platform.SendAsync(HttpMethod.Get, "api/audit/verify", TestKeys.ModelRisk)).Json.GetProperty("intact").GetBoolean());
    }
}
