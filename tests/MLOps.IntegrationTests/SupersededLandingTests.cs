using System.Net;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

/// <summary>A landed blob overwritten before its run ingested it: the run ends superseded, never failed.</summary>
[Collection(PlatformCollection.Name)]
public class SupersededLandingTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_run_for_an_overwritten_blob_completes_as_superseded_by_the_new_etag()
    {
        string project = Projects.NewName("sup");
        await platform.RegisterCreditAsync(project);
        BlobContainerClient landing = platform.Blobs.GetBlobContainerClient("landing");
        await landing.CreateIfNotExistsAsync();
        BlobClient blob = landing.GetBlobClient($"{project}/credit_data.csv");
        ETag first = (await blob.UploadAsync(BinaryData.FromString("id,x\n1,2\n"), overwrite: true)).Value.ETag;
        ETag second = (await blob.UploadAsync(Projects.DataPath("credit_data.csv"), overwrite: true)).Value.ETag;

        // The run the first version's event started, delivered after the overwrite.
        ApiResponse started = await platform.SendAsync(
            HttpMethod.Post, $"api/pipelines/data-engineering?instanceId=sup-{Guid.NewGuid():N}", TestKeys.Admin,
            new { project, blobName = blob.Name, eTag = first.ToString() });
        Assert.True(started.Status == HttpStatusCode.Accepted, $"{started.Status} {started.Json}");
        string id = started.Json.GetProperty("id").GetString()!;
        JsonElement done = await platform.WaitForEndAsync(id, TimeSpan.FromSeconds(90));

        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("output").ValueKind);
        JsonElement status = done.GetProperty("customStatus");
        Assert.Equal("superseded", status.GetProperty("stage").GetString());
        Assert.Contains($"superseded by ETag {second}", status.GetProperty("detail").GetString(), StringComparison.Ordinal);
        List<JsonElement> audit = await AuditPages.ReadAllAsync(platform.Http, TestKeys.ModelRisk);
        JsonElement completed = Assert.Single(audit, r => r.GetProperty("eventId").GetString() == $"pipeline/{id}/completed");
        Assert.Contains("superseded by ETag", completed.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(audit, r => r.GetProperty("eventId").GetString() == $"pipeline/{id}/failed");
    }
}
