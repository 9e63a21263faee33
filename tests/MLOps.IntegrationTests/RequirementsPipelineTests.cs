using System.Net;
using Azure.Storage.Blobs;
using System.Text.Json;
using System.Text.Json.Nodes;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class RequirementsPipelineTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_valid_feasible_spec_is_registered_with_its_gates_and_design_document()
    {
        string project = Projects.NewName("req");

        JsonElement done = await platform.RegisterCreditAsync(project);

        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
        JsonElement report = done.GetProperty("output");
        Assert.Equal(1, report.GetProperty("version").GetInt32());
        Assert.Equal(4454, report.GetProperty("feasibility").GetProperty("sampleRows").GetInt64());

        ApiResponse registered = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}", TestKeys.Business);
        Assert.Equal(HttpStatusCode.OK, registered.Status);
        JsonElement gates = registered.Json.GetProperty("gates");
        Assert.Equal(0.80, gates.GetProperty("acceptance").GetProperty("threshold").GetDouble());
        Assert.Contains("ModelRiskAnalyst", gates.GetProperty("approval").GetProperty("productionApprovers").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(report.GetProperty("specSha256").GetString(), gates.GetProperty("specSha256").GetString());

        using HttpResponseMessage design = await platform.Http.SendAsync(Get($"api/projects/{project}/design"));
        Assert.Equal("text/markdown", design.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Status", await design.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resubmitting_is_a_conflict_and_a_changed_yaml_spec_becomes_version_two()
    {
        string project = Projects.NewName("req");
        await platform.RegisterCreditAsync(project);
        string sample = await platform.UploadSampleAsync(project, "credit_data.csv");

        ApiResponse again = await platform.SubmitSpecAsync(project, Projects.Spec("credit-scoring.json", project).ToJsonString(), sample);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);

        // The same spec in YAML with a stricter gate: YAML is a superset of JSON, so the JSON text with one edit is valid YAML.
        string yaml = Projects.Spec("credit-scoring.json", project, s => s["acceptance"]!["threshold"] = 0.82).ToJsonString();
        ApiResponse started = await platform.SubmitSpecAsync(project, yaml, sample, "application/yaml");
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        JsonElement done = await platform.WaitForEndAsync(started.Json.GetProperty("id").GetString()!);

        Assert.Equal(2, done.GetProperty("output").GetProperty("version").GetInt32());
        ApiResponse versions = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/versions", TestKeys.Business);
        Assert.Equal([0.80, 0.82], versions.Json.EnumerateArray().Select(v => v.GetProperty("gates").GetProperty("acceptance").GetProperty("threshold").GetDouble()));
    }

    [Fact]
    public async Task An_invalid_spec_is_refused_at_once_naming_every_problem_with_its_path_and_nothing_is_stored()
    {
        string project = Projects.NewName("req");
        string sample = await platform.UploadSampleAsync(project, "credit_data.csv");
        JsonObject spec = Projects.Spec("credit-scoring.json", project, s =>
        {
            s["acceptance"]!["threshold"] = 1.5;
            s["target"]!["column"] = "NoSuchColumn";
            s.Remove("businessGoal");
        });

        ApiResponse refused = await platform.SubmitSpecAsync(project, spec.ToJsonString(), sample);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        string errors = string.Join("\n", refused.Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("$.acceptance.threshold", errors, StringComparison.Ordinal);
        Assert.Contains("$.businessGoal", errors, StringComparison.Ordinal);
        Assert.Contains("NoSuchColumn", errors, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}", TestKeys.Business)).Status);
        BlobContainerClient projects = platform.Blobs.GetBlobContainerClient("projects");
        Assert.False(await projects.ExistsAsync()
            && await projects.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = project + "/" }).GetAsyncEnumerator().MoveNextAsync());
    }

    [Fact]
    public async Task A_failed_run_does_not_block_resubmitting_the_same_spec()
    {
        string project = Projects.NewName("req");
        var samples = platform.Blobs.GetBlobContainerClient("samples");
        await samples.CreateIfNotExistsAsync();
        BlobClient sample = samples.GetBlobClient($"{project}/few.csv");

        // Ten rows cannot meet the spec's minimum: the run fails on feasibility.
        await sample.UploadAsync(BinaryData.FromString(string.Join('\n', File.ReadLines(Projects.DataPath("credit_data.csv")).Take(11))), overwrite: true);
        string spec = Projects.Spec("credit-scoring.json", project).ToJsonString();
        ApiResponse first = await platform.SubmitSpecAsync(project, spec, $"samples/{project}/few.csv");
        JsonElement failed = await platform.WaitForEndAsync(first.Json.GetProperty("id").GetString()!);
        Assert.Equal("Failed", failed.GetProperty("runtimeStatus").GetString());

        // The same text and sample again: a new run under the same id, not a 409; with enough data it registers.
        await sample.UploadAsync(Projects.DataPath("credit_data.csv"), overwrite: true);
        ApiResponse again = await platform.SubmitSpecAsync(project, spec, $"samples/{project}/few.csv");
        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        Assert.Equal(first.Json.GetProperty("id").GetString(), again.Json.GetProperty("id").GetString());
        JsonElement done = await platform.WaitForEndAsync(again.Json.GetProperty("id").GetString()!);
        Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());

        // Once it succeeded, the same submission is a conflict.
        Assert.Equal(HttpStatusCode.Conflict, (await platform.SubmitSpecAsync(project, spec, $"samples/{project}/few.csv")).Status);
    }

    [Fact]
    public async Task A_copy_of_the_target_as_a_feature_is_flagged_as_leakage_and_nothing_is_registered()
    {
        string project = Projects.NewName("req");
        string csv = string.Join('\n', File.ReadAllLines(Projects.DataPath("credit_data.csv"))
            .Select((line, i) => i == 0 ? line + ",StatusCopy" : line + "," + (line.StartsWith("\"bad\"", StringComparison.Ordinal) ? "1" : "0")));
        var samples = platform.Blobs.GetBlobContainerClient("samples");
        await samples.CreateIfNotExistsAsync();
        await samples.GetBlobClient($"{project}/leaky.csv").UploadAsync(BinaryData.FromString(csv), overwrite: true);
        JsonObject spec = Projects.Spec("credit-scoring.json", project, s =>
        {
            s["dataRules"]!["columns"]!.AsArray().Add(JsonNode.Parse("""{ "name": "StatusCopy", "type": "Integer", "min": 0, "max": 1 }"""));
            s["features"]!.AsArray().Add(JsonNode.Parse("""{ "name": "status_copy", "sources": ["StatusCopy"], "transform": { "kind": "Identity" } }"""));
        });

        ApiResponse started = await platform.SubmitSpecAsync(project, spec.ToJsonString(), $"samples/{project}/leaky.csv");
        JsonElement done = await platform.WaitForEndAsync(started.Json.GetProperty("id").GetString()!);

        Assert.Equal("Failed", done.GetProperty("runtimeStatus").GetString());
        string message = done.GetProperty("failureDetails").GetProperty("errorMessage").GetString()!;
        Assert.Contains("status_copy", message, StringComparison.Ordinal);
        Assert.Contains("AUC 1.0000", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}", TestKeys.Business)).Status);
    }

    [Fact]
    public async Task Bad_submissions_get_problem_responses()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SubmitSpecAsync("Not_A_Slug", "{}", null)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SubmitSpecAsync("fine-name", "{}", "no-container-part")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.SubmitSpecAsync("fine-name", "{}", "audit/records/000000000001.json")).Status);
        ApiResponse forbidden = await platform.SendAsync(HttpMethod.Post, "api/projects/fine-name/spec", TestKeys.Business, "{}");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.SendAsync(HttpMethod.Get, "api/projects/never-registered", TestKeys.Business)).Status);
    }

    private static HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", TestKeys.Business);
        return request;
    }
}
