using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MLOps.Core.Landing;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

/// <summary>The acceptance of the data pipeline and feature store on the bundled real data, end to end over HTTP.</summary>
[Collection(PlatformCollection.Name)]
public class DataEngineeringPipelineTests(PlatformFixture platform)
{
    [Fact]
    public async Task Landing_credit_data_publishes_a_feature_set_served_online_with_lineage_and_statistics()
    {
        string project = Projects.NewName("de");
        await platform.RegisterCreditAsync(project);

        JsonElement done = await this.LandAsync(project, "credit_data.csv", File.ReadAllBytes(Projects.DataPath("credit_data.csv")));

        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        JsonElement output = done.GetProperty("output");

        // Quality: the real missing counts (counted independently with Python's csv module), soft Income rule within its limit.
        JsonElement report = await this.ReadJsonAsync(output.GetProperty("quality").GetProperty("reportBlob").GetString()!);
        var missing = report.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "maximum missing share")
            .ToDictionary(r => r.GetProperty("column").GetString()!, r => r.GetProperty("offendingRows").GetInt64());
        Assert.Equal((381L, 47L, 18L, 6L, 1L, 2L), (missing["Income"], missing["Assets"], missing["Debt"], missing["Home"], missing["Marital"], missing["Job"]));

        // Cleaning: 4454 rows read, the 2 exact duplicates found and kept (the credit spec does not drop them), no
        // invalid rows; the version holds every row.
        JsonElement published = output.GetProperty("featureSet");
        Assert.Equal((4454L, 2L, 0L, 0L), (published.GetProperty("rowsRead").GetInt64(), published.GetProperty("duplicateRowsFound").GetInt64(), published.GetProperty("duplicateRowsDropped").GetInt64(), published.GetProperty("invalidRowsDropped").GetInt64()));
        JsonElement version = published.GetProperty("version");
        Assert.Equal(4454, version.GetProperty("rows").GetInt64());
        Assert.Equal(1, version.GetProperty("version").GetInt32());
        // The version records its holdout split and the parameters fitted on the training rows only
        // (tests/reference/credit_split_reference.py: on all rows the Assets median would be 3000 and the
        // Seniority mean 7.987…).
        JsonElement split = version.GetProperty("split");
        Assert.Equal(("Stratified", 0.2, 42, 4454L, 891L), (split.GetProperty("strategy").GetString(), split.GetProperty("fraction").GetDouble(), split.GetProperty("seed").GetInt32(), split.GetProperty("labelledRows").GetInt64(), split.GetProperty("holdoutRows").GetInt64()));
        JsonElement fitted = version.GetProperty("fitted");
        var fills = fitted.GetProperty("imputations").EnumerateArray().ToDictionary(i => i.GetProperty("column").GetString()!, i => i.GetProperty("fill").GetString());
        Assert.Equal(("3500", "125", "owner"), (fills["Assets"], fills["Income"], fills["Home"]));
        JsonElement seniority = fitted.GetProperty("features").EnumerateArray().First(f => f.GetProperty("definition").GetProperty("name").GetString() == "seniority");
        Assert.Equal(8.10524838619141, seniority.GetProperty("mean").GetDouble(), 1e-10);
        Assert.Equal(8.22405055536731, seniority.GetProperty("standardDeviation").GetDouble(), 1e-10);
        Assert.Empty(published.GetProperty("warnings").EnumerateArray());
        JsonElement engineering = await this.ReadJsonAsync(published.GetProperty("engineeringReportBlob").GetString()!);
        Assert.All(engineering.GetProperty("features").EnumerateArray(), f => Assert.Equal(0, f.GetProperty("unusable").GetInt64()));

        ApiResponse listed = await this.GetAsync($"api/projects/{project}/feature-sets");
        Assert.Equal(version.GetProperty("sha256").GetString(), Assert.Single(listed.Json.EnumerateArray()).GetProperty("sha256").GetString());

        // Online equals offline: the pipeline's own check and a lookup of sampled keys over HTTP.
        JsonElement consistency = output.GetProperty("consistency");
        Assert.True(consistency.GetProperty("sampled").GetInt32() > 100);
        Assert.Equal(consistency.GetProperty("sampled").GetInt32(), consistency.GetProperty("matched").GetInt32());
        ApiResponse online = await this.GetAsync($"api/projects/{project}/online-features?key=1&key=2&key=4454&key=no-such-key");
        Assert.Equal(["1", "2", "4454"], online.Json.GetProperty("vectors").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        Assert.Equal(["no-such-key"], online.Json.GetProperty("missing").EnumerateArray().Select(v => v.GetString()));
        JsonElement first = online.Json.GetProperty("vectors")[0].GetProperty("values");
        // Record 1: "good",9,"rent",60,30,"married","no","freelance",73,129,0,0,800,846.
        Assert.Equal(Math.Log(129 + 1), first.GetProperty("log_income").GetDouble(), 12);
        Assert.Equal(800.0 / 846.0, first.GetProperty("loan_to_price").GetDouble(), 12);
        Assert.Equal(1.0, first.GetProperty("home_rent").GetDouble());

        // Statistics: every feature ranked, Records (adverse credit records) among the strongest signals of default.
        ApiResponse stats = await this.GetAsync($"api/projects/{project}/feature-sets/latest/statistics");
        string[] ranked = [.. stats.Json.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];
        Assert.Equal(version.GetProperty("features").GetArrayLength(), ranked.Length);
        Assert.Contains(ranked.Take(5), f => f.StartsWith("records", StringComparison.Ordinal));

        // Lineage: from the feature-set version back to the landed blob and its ETag.
        ApiResponse lineage = await this.GetAsync($"api/lineage?kind=FeatureSetVersion&id={project}/v1&direction=upstream");
        Assert.Equal(HttpStatusCode.OK, lineage.Status);
        Assert.Contains(lineage.Json.GetProperty("edges").EnumerateArray(), e =>
            e.GetProperty("from").GetProperty("kind").GetString() == "LandingBlob"
            && e.GetProperty("from").GetProperty("id").GetString()!.StartsWith($"landing/{project}/credit_data.csv@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_bytes_make_no_new_version_and_one_changed_value_does()
    {
        string project = Projects.NewName("de");
        await platform.RegisterCreditAsync(project);
        byte[] bytes = File.ReadAllBytes(Projects.DataPath("credit_data.csv"));

        JsonElement first = (await this.LandAsync(project, "a.csv", bytes)).GetProperty("output").GetProperty("featureSet");
        JsonElement again = (await this.LandAsync(project, "b.csv", bytes)).GetProperty("output").GetProperty("featureSet");
        string text = Encoding.UTF8.GetString(bytes);
        byte[] changed = Encoding.UTF8.GetBytes(text.Replace("\"good\",9,\"rent\",60,30,", "\"good\",10,\"rent\",60,30,", StringComparison.Ordinal));
        Assert.NotEqual(bytes, changed);
        JsonElement third = (await this.LandAsync(project, "c.csv", changed)).GetProperty("output");

        Assert.True(first.GetProperty("created").GetBoolean());
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Equal(1, again.GetProperty("version").GetProperty("version").GetInt32());
        Assert.Equal(2, third.GetProperty("featureSet").GetProperty("version").GetProperty("version").GetInt32());
        Assert.Equal(1, third.GetProperty("statistics").GetProperty("previousVersion").GetInt32());
        Assert.Equal(2, (await this.GetAsync($"api/projects/{project}/feature-sets")).Json.GetArrayLength());
        Assert.Equal(2, await this.CountAsync($"{project}/features/data/", ".parquet"));

        // Age is a sensitive attribute, not a feature: changing it changes the raw snapshot but not the feature set.
        byte[] older = Encoding.UTF8.GetBytes(text.Replace("\"good\",9,\"rent\",60,30,", "\"good\",9,\"rent\",60,31,", StringComparison.Ordinal));
        JsonElement fourth = (await this.LandAsync(project, "d.csv", older)).GetProperty("output");
        Assert.NotEqual(first.GetProperty("version").GetProperty("rawSnapshotSha256").GetString(), fourth.GetProperty("ingested").GetProperty("sha256").GetString());
        Assert.Equal((1, false), (fourth.GetProperty("featureSet").GetProperty("version").GetProperty("version").GetInt32(), fourth.GetProperty("featureSet").GetProperty("created").GetBoolean()));
    }

    [Fact]
    public async Task Churn_data_that_violates_its_registered_spec_fails_with_a_report_naming_the_rules()
    {
        // The review refuses a spec its sample violates, so the spec is registered on the real data and a later file
        // breaks it: one call of 2650.1 day minutes (record 1; the spec allows at most 1440).
        string project = Projects.NewName("de");
        await platform.RegisterAsync(project, "telecom-churn.json", "mlc_churn.csv");
        string text = File.ReadAllText(Projects.DataPath("mlc_churn.csv"));
        string broken = text.Replace("\"KS\",128,\"area_code_415\",\"no\",\"yes\",25,265.1,", "\"KS\",128,\"area_code_415\",\"no\",\"yes\",25,2650.1,", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);

        JsonElement done = await this.LandAsync(project, "mlc_churn.csv", Encoding.UTF8.GetBytes(broken));

        Assert.Equal("Failed", done.GetProperty("runtimeStatus").GetString());
        string message = done.GetProperty("failureDetails").GetProperty("errorMessage").GetString()!;
        Assert.Contains("total_day_minutes.range", message, StringComparison.Ordinal);
        Assert.Contains("record(s)", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await this.GetAsync($"api/projects/{project}/feature-sets/latest")).Status);
        Assert.Equal(1, await this.CountAsync($"{project}/quality/", ".html"));
    }

    [Theory]
    [InlineData("ragged", "Status,Age\ngood,30\nbad,41,extra\n", "Ragged row at record 2 (line 3)")]
    [InlineData("unterminated", "Status,Age\ngood,\"30\n", "Unterminated quote")]
    [InlineData("header-only", "Status,Age\n", "Header only")]
    [InlineData("empty", "", "is empty")]
    [InlineData("bad-utf8", "Status,Age\ngood,\u00ff30\n", "Invalid UTF-8")]
    public async Task Malformed_files_fail_clearly_and_leave_nothing_half_written(string file, string content, string expected)
    {
        string project = Projects.NewName("de");
        await platform.RegisterCreditAsync(project);
        byte[] bytes = file == "bad-utf8" ? [.. Encoding.ASCII.GetBytes("Status,Age\ngood,"), 0xFF, 0xFE, (byte)'\n'] : Encoding.UTF8.GetBytes(content);

        JsonElement done = await this.LandAsync(project, file + ".csv", bytes);

        Assert.Equal("Failed", done.GetProperty("runtimeStatus").GetString());
        Assert.Contains(expected, done.GetProperty("failureDetails").GetProperty("errorMessage").GetString()!, StringComparison.Ordinal);
        Assert.Equal(0, await this.CountAsync($"{project}/", string.Empty));
        Assert.Equal(0, await this.CountAsync("_staging/", string.Empty));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_rejected_before_anything_is_copied()
    {
        string project = Projects.NewName("de");
        BlobContainerClient direct = platform.Blobs.GetBlobContainerClient("size-limit");
        await direct.CreateIfNotExistsAsync();
        BlobContentInfo info = (await direct.GetBlobClient($"{project}/credit_data.csv").UploadAsync(Projects.DataPath("credit_data.csv"))).Value;
        var ingestor = new MLOps.Core.DataEngineering.LandingIngestor(
            platform.Blobs, Microsoft.Extensions.Options.Options.Create(new MLOps.Core.DataEngineering.DataEngineeringOptions { MaxFileBytes = 100_000 }));

        MLOps.Core.DataRejectedException error = await Assert.ThrowsAsync<MLOps.Core.DataRejectedException>(() => ingestor.IngestAsync(
            new MLOps.Core.DataEngineering.DataEngineeringRequest(project, $"{project}/credit_data.csv", info.ETag.ToString(), direct.Name)));

        Assert.Contains("310198 bytes; the limit is 100000", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await this.CountAsync($"{project}/", string.Empty));
    }

    [Fact]
    public async Task Data_for_an_unregistered_project_waits_for_its_spec_instead_of_failing_a_run()
    {
        string project = Projects.NewName("de");
        BlobContainerClient landing = platform.Blobs.GetBlobContainerClient("landing");
        await landing.CreateIfNotExistsAsync();
        BlobContentInfo info = (await landing.GetBlobClient($"{project}/credit_data.csv").UploadAsync(Projects.DataPath("credit_data.csv"))).Value;

        // The watcher hands the blob to the landing trigger, which records it as waiting and starts nothing.
        JsonElement entry = default;
        for (int i = 0; i < 100 && entry.ValueKind == JsonValueKind.Undefined; i++)
        {
            await Task.Delay(200);
            entry = (await this.GetAsync($"api/projects/{project}/landing")).Json.EnumerateArray().FirstOrDefault();
        }

        Assert.Equal("Waiting", entry.GetProperty("state").GetString());
        Assert.Equal(info.ETag.ToString().Trim('"'), entry.GetProperty("eTag").GetString()!.Trim('"'));
        Assert.Contains($"POST /api/projects/{project}/spec", entry.GetProperty("reason").GetString(), StringComparison.Ordinal);
        string instanceId = new LandingBlob("landing", $"{project}/credit_data.csv", info.ETag.ToString()).PipelineInstanceId();
        Assert.Null(await platform.Client.GetInstanceAsync(instanceId));
    }

    private Task<JsonElement> LandAsync(string project, string file, byte[] bytes) => platform.LandAsync(project, file, bytes);

    private Task<ApiResponse> GetAsync(string path) => platform.SendAsync(HttpMethod.Get, path, TestKeys.DataScientist);

    private async Task<JsonElement> ReadJsonAsync(string snapshotBlob)
    {
        BlobDownloadResult result = (await platform.Blobs.GetBlobContainerClient("snapshots").GetBlobClient(snapshotBlob).DownloadContentAsync()).Value;
        return JsonDocument.Parse(result.Content.ToString()).RootElement.Clone();
    }

    private async Task<int> CountAsync(string prefix, string suffix)
    {
        int count = 0;
        BlobContainerClient snapshots = platform.Blobs.GetBlobContainerClient("snapshots");
        if (!await snapshots.ExistsAsync())
        {
            return 0;
        }

        await foreach (BlobItem item in snapshots.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            count += item.Name.EndsWith(suffix, StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }
}
