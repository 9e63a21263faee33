using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MLOps.Core.Landing;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

/// <summary>Landing data over HTTP on the real host: streamed, size-limited, create-only, and waiting for a spec when there is none.</summary>
[Collection(PlatformCollection.Name)]
public class LandingUploadTests(PlatformFixture platform)
{
    [Fact]
    public async Task Data_landed_before_the_spec_waits_and_the_newest_file_runs_once_the_spec_is_registered()
    {
        string project = Projects.NewName("wait");
        byte[] credit = File.ReadAllBytes(Projects.DataPath("credit_data.csv"));

        Upload older = await this.PutAsync(project, "older.csv", credit);
        Upload newer = await this.PutAsync(project, "newer.csv", credit);

        foreach (Upload waiting in new[] { older, newer })
        {
            Assert.Equal(HttpStatusCode.Created, waiting.Status);
            Assert.Equal("Waiting", waiting.Json.GetProperty("state").GetString());
            Assert.Contains("no registered spec", waiting.Json.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, waiting.Json.GetProperty("pipeline").ValueKind);
        }

        Assert.Equal(["Waiting", "Waiting"], (await this.ListAsync(project)).Select(f => f.GetProperty("state").GetString()));

        JsonElement registered = await platform.RegisterCreditAsync(project);
        Assert.Equal("Completed", registered.GetProperty("runtimeStatus").GetString());

        // The Requirements run's completion event releases the newest waiting file under the landing trigger's own id.
        string instanceId = new LandingBlob("landing", $"{project}/newer.csv", newer.Json.GetProperty("eTag").GetString()!).PipelineInstanceId();
        JsonElement data = await platform.WaitForEndAsync(instanceId, TimeSpan.FromSeconds(120));
        Assert.Equal("Completed", data.GetProperty("runtimeStatus").GetString());

        JsonElement[] files = await this.ListAsync(project);
        JsonElement started = files.Single(f => f.GetProperty("file").GetString() == "newer.csv");
        JsonElement superseded = files.Single(f => f.GetProperty("file").GetString() == "older.csv");
        Assert.Equal(("Started", instanceId), (started.GetProperty("state").GetString(), started.GetProperty("instanceId").GetString()));
        Assert.EndsWith($"/api/instances/{instanceId}", started.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        Assert.Equal("Superseded", superseded.GetProperty("state").GetString());
        Assert.Contains("newer.csv", superseded.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_delivery_of_a_waiting_file_after_registration_follows_the_release_rule()
    {
        // The local watcher polls the landing container, so it may deliver a waiting file again after the spec is
        // registered, before or after the release ran: either way only the newest waiting file may start.
        string project = Projects.NewName("late");
        byte[] credit = File.ReadAllBytes(Projects.DataPath("credit_data.csv"));
        Upload older = await this.PutAsync(project, "older.csv", credit);
        Upload newer = await this.PutAsync(project, "newer.csv", credit);
        await platform.RegisterCreditAsync(project);

        ILandingQueue queue = platform.Services.GetRequiredService<ILandingQueue>();
        LandingAdmission late = await queue.AdmitAsync(Blob(project, "older.csv", older, credit.Length));
        LandingAdmission newest = await queue.AdmitAsync(Blob(project, "newer.csv", newer, credit.Length));

        Assert.False(late.Start);
        Assert.Equal(LandingState.Superseded, late.Held!.State);
        Assert.True(newest.Start);
        string instanceId = new LandingBlob("landing", $"{project}/newer.csv", newer.Json.GetProperty("eTag").GetString()!).PipelineInstanceId();
        Assert.Equal("Completed", (await platform.WaitForEndAsync(instanceId, TimeSpan.FromSeconds(120))).GetProperty("runtimeStatus").GetString());
        Assert.Equal(
            ["newer.csv Started", "older.csv Superseded"],
            (await this.ListAsync(project)).Select(f => $"{f.GetProperty("file").GetString()} {f.GetProperty("state").GetString()}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_for_a_registered_project_starts_the_data_pipeline_under_the_blobs_deterministic_id()
    {
        string project = Projects.NewName("up");
        await platform.RegisterCreditAsync(project);
        byte[] credit = File.ReadAllBytes(Projects.DataPath("credit_data.csv"));

        Upload upload = await this.PutAsync(project, "2026-01.csv", credit, chunked: true);

        Assert.Equal(HttpStatusCode.Accepted, upload.Status);
        JsonElement body = upload.Json;
        Assert.Equal($"landing/{project}/2026-01.csv", body.GetProperty("blob").GetString());
        Assert.Equal(credit.Length, body.GetProperty("bytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(credit)), body.GetProperty("sha256").GetString());
        string instanceId = new LandingBlob("landing", $"{project}/2026-01.csv", body.GetProperty("eTag").GetString()!).PipelineInstanceId();
        Assert.Equal(instanceId, body.GetProperty("pipeline").GetProperty("id").GetString());
        Assert.Equal(body.GetProperty("pipeline").GetProperty("statusQueryGetUri").GetString(), upload.Location);
        Assert.Equal("Completed", (await platform.WaitForEndAsync(instanceId, TimeSpan.FromSeconds(120))).GetProperty("runtimeStatus").GetString());

        // The bytes in storage are the bytes sent, and a second file of that name is refused rather than overwriting it.
        byte[] stored = (await platform.Blobs.GetBlobContainerClient("landing").GetBlobClient($"{project}/2026-01.csv").DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(credit, stored);
        Upload again = await this.PutAsync(project, "2026-01.csv", credit);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("never overwritten", again.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_are_authenticated_named_safely_and_size_limited_before_and_while_streaming()
    {
        string project = Projects.NewName("lim");
        byte[] small = Encoding.UTF8.GetBytes("a,b\n1,2\n");

        Assert.Equal(HttpStatusCode.Unauthorized, (await this.PutAsync(project, "x.csv", small, key: null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await this.PutAsync(project, "x.csv", small, key: TestKeys.Business)).Status);
        foreach (string name in new[] { "x.txt", ".hidden.csv", "a%20b.csv", "x..csv", "%2e%2e%2fx.csv" })
        {
            Upload bad = await this.PutAsync(project, name, small);
            Assert.True(bad.Status == HttpStatusCode.BadRequest, $"{name}: {bad.Status}");
            Assert.Contains("fileName", bad.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await this.PutAsync("Bad_Project", "x.csv", small)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await this.PutAsync(project, "empty.csv", [])).Status);

        byte[] big = new byte[(int)PlatformFixture.UploadLimitBytes + (1 << 20)];
        Array.Fill(big, (byte)'7');
        Upload declared = await this.PutAsync(project, "big.csv", big);
        Upload streamed = await this.PutAsync(project, "big.csv", big, chunked: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.Status);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.Status);
        Assert.Contains("MaxFileBytes", streamed.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Nothing of either attempt became visible: the staged blocks were never committed.
        Assert.False(await platform.Blobs.GetBlobContainerClient("landing").GetBlobClient($"{project}/big.csv").ExistsAsync());
        Assert.Empty(await this.ListAsync(project));
    }

    private async Task<JsonElement[]> ListAsync(string project)
    {
        ApiResponse list = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/landing", TestKeys.Business);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        return [.. list.Json.EnumerateArray()];
    }

    private async Task<Upload> PutAsync(string project, string file, byte[] bytes, string? key = TestKeys.DataEngineer, bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"api/projects/{project}/landing/{file}");
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        // A stream of unknown length goes out chunked, without Content-Length: the limit must hold while streaming.
        request.Content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using HttpResponseMessage response = await platform.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return new Upload(response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response.Headers.Location?.ToString());
    }

    private static LandingBlob Blob(string project, string file, Upload upload, long length) =>
        new("landing", $"{project}/{file}", upload.Json.GetProperty("eTag").GetString()!) { Length = length };

    private sealed record Upload(HttpStatusCode Status, JsonElement Json, string? Location);

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
