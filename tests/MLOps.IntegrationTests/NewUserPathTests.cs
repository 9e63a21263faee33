using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

/// <summary>
/// A new user's path over HTTP only: register a spec, upload data, train with class weights, and read the model's
/// threshold, metrics and every report. The data has missing values in the rows the input example is taken from.
/// </summary>
[Collection(PlatformCollection.Name)]
public class NewUserPathTests(PlatformFixture platform, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] LightGbmOnly = ["LightGbm"];

    [Fact]
    public async Task Upload_train_and_read_every_report_with_a_threshold_and_missing_values_in_the_input_example()
    {
        string project = Projects.NewName("user");

        // Income is left unimputed (a soft rule, no imputation): the first 100 rows lose it, so log_income and
        // expense_to_income are missing in the first holdout rows, where the MLflow input example comes from.
        JsonElement registered = await platform.RegisterCreditAsync(project, spec =>
        {
            JsonObject income = spec["dataRules"]!["columns"]!.AsArray().Select(c => c!.AsObject()).Single(c => c["name"]!.GetValue<string>() == "Income");
            income["maxMissingShare"] = 0;
            income["severity"] = "Soft";
        });
        Assert.Equal("Completed", registered.GetProperty("runtimeStatus").GetString());
        HttpResponseMessage upload = await this.SendAsync(HttpMethod.Put, $"api/projects/{project}/landing/credit.csv", TestKeys.DataEngineer, WithoutIncome(100));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        JsonElement data = await platform.WaitForEndAsync(Json(await upload.Content.ReadAsStringAsync()).GetProperty("pipeline").GetProperty("id").GetString()!, TimeSpan.FromSeconds(120));
        Assert.Equal("Completed", data.GetProperty("runtimeStatus").GetString());

        ApiResponse started = await platform.SendAsync(HttpMethod.Post, "api/pipelines/experiment", TestKeys.DataScientist, new
        {
            project,
            algorithms = LightGbmOnly,
            spaces = new[] { new { algorithm = "LightGbm", parameters = new object[] { new { name = "NumberOfIterations", kind = "Integer", low = 20, high = 60 }, new { name = "NumberOfLeaves", kind = "Integer", low = 4, high = 16 } } } },
            search = new[] { new { strategy = "Random", trials = 2 } },
            folds = 2,
            maxParallel = 2,
            classWeights = "Balanced",
        });
        Assert.Equal(HttpStatusCode.Accepted, started.Status);
        JsonElement done = await platform.WaitForEndAsync(started.Json.GetProperty("id").GetString()!, TimeSpan.FromMinutes(4));
        Assert.True(done.GetProperty("runtimeStatus").GetString() == "Completed", done.ToString());
        JsonElement report = done.GetProperty("output");
        JsonElement candidate = report.GetProperty("candidate");
        string runId = report.GetProperty("bestRunId").GetString()!;

        // PR-AUC beside AUC; a threshold chosen on validation rows with the holdout's label metrics at it; weights recorded.
        double prAuc = candidate.GetProperty("holdoutMetrics").GetProperty("PrAuc").GetDouble();
        double threshold = candidate.GetProperty("threshold").GetProperty("threshold").GetDouble();
        Assert.InRange(prAuc, 0.3, 1);
        Assert.InRange(threshold, 0.01, 0.99);
        Assert.Equal("F1", candidate.GetProperty("threshold").GetProperty("objective").GetString());
        Assert.True(candidate.GetProperty("threshold").GetProperty("holdout").GetProperty("F1").GetDouble() > 0);
        output.WriteLine($"holdout AUC {candidate.GetProperty("holdoutMetrics").GetProperty("Auc").GetDouble():F4}, PR-AUC {prAuc:F4}, F1@0.5 {candidate.GetProperty("holdoutMetrics").GetProperty("F1").GetDouble():F4}, threshold {threshold:F4}, F1@threshold {candidate.GetProperty("threshold").GetProperty("holdout").GetProperty("F1").GetDouble():F4}; warnings: {candidate.GetProperty("warnings")}");
        ApiResponse run = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs/{runId}", TestKeys.Business);
        Assert.Equal("Balanced", run.Json.GetProperty("parameters").GetProperty("ClassWeights").GetString());
        Assert.Equal(threshold, run.Json.GetProperty("metrics").GetProperty("decision_threshold").GetDouble());
        Assert.NotEmpty((await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/runs?where=prauc%3E0.3&orderBy=PRAUC", TestKeys.Business)).Json.EnumerateArray());

        // The registered version, its card and its MLmodel carry the threshold; the input example keeps missing values as null.
        ApiResponse version = await platform.SendAsync(HttpMethod.Get, $"api/projects/{project}/models/{project}/versions/1", TestKeys.Business);
        Assert.Equal(threshold, version.Json.GetProperty("decisionThreshold").GetDouble());
        var models = platform.Blobs.GetBlobContainerClient("models");
        string mlmodel = (await models.GetBlobClient($"{project}/{project}/1/MLmodel").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("decision_threshold:", mlmodel, StringComparison.Ordinal);
        Assert.Contains("positive_class: bad", mlmodel, StringComparison.Ordinal);
        JsonElement example = Json((await models.GetBlobClient($"{project}/{project}/1/input_example.json").DownloadContentAsync()).Value.Content.ToString());
        Assert.Contains(example.GetProperty("inputs").EnumerateArray().SelectMany(r => r.EnumerateArray()), v => v.ValueKind == JsonValueKind.Null);

        string prefix = $"api/projects/{project}/reports";
        (HttpResponseMessage card, string cardText) = await this.GetAsync($"{prefix}/models/{project}/versions/1/card", "text/markdown");
        Assert.Equal("text/markdown", card.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"### Decision threshold", cardText, StringComparison.Ordinal);
        Assert.Contains("| PrAuc |", cardText, StringComparison.Ordinal);
        (HttpResponseMessage cardHtml, string cardHtmlText) = await this.GetAsync($"{prefix}/models/{project}/versions/1/card.html");
        Assert.Equal("text/html", cardHtml.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<table>", cardHtmlText, StringComparison.Ordinal);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; img-src data:", cardHtml.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", cardHtml.Headers.GetValues("X-Content-Type-Options").Single());
        (_, string cardJson) = await this.GetAsync($"{prefix}/models/{project}/versions/1/card", "application/json");
        Assert.Equal(threshold, Json(cardJson).GetProperty("record").GetProperty("decisionThreshold").GetDouble());

        foreach ((string path, string accept, string type, string fragment) in new[]
        {
            ($"{prefix}/design", "text/html", "text/html", "<h1"),
            ($"{prefix}/design.md", "*/*", "text/markdown", "# "),
            ($"{prefix}/feasibility", "application/json", "application/json", "\""),
            ($"{prefix}/feature-sets/latest/quality.html", "*/*", "text/html", "<html"),
            ($"{prefix}/feature-sets/1/quality", "application/json", "application/json", "\"results\""),
            ($"{prefix}/feature-sets/1/cleaning.json", "*/*", "application/json", "\"rowsRead\""),
            ($"{prefix}/feature-sets/1/profile", "text/html", "text/html", "<table>"),
            ($"{prefix}/runs/{runId}/roc", "*/*", "image/svg+xml", "<svg"),
            ($"{prefix}/runs/{runId}/roc", "application/json", "application/json", "\"truePositiveRate\""),
        })
        {
            (HttpResponseMessage response, string text) = await this.GetAsync(path, accept);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {text}");
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Contains(fragment, text, StringComparison.Ordinal);
        }

        // 404s name what is missing; a report name is a word from a fixed list, never a path.
        foreach ((string path, string fragment) in new[]
        {
            ($"{prefix}/feature-sets/9/quality", "no feature-set version '9'"),
            ($"{prefix}/runs/nope/roc", "no run 'nope'"),
            ($"{prefix}/models/{project}/versions/7/card", "no version 7"),
            ($"api/projects/nobody-here/reports/design", "'nobody-here' is not registered"),
        })
        {
            (HttpResponseMessage response, string text) = await this.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains(fragment, Json(text).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // A path smuggled into the report name is refused at the door, before any handler: 400 naming the value.
        (HttpResponseMessage traversal, string refusal) = await this.GetAsync($"{prefix}/feature-sets/1/..%2F..%2Fprojects");
        Assert.Equal(HttpStatusCode.BadRequest, traversal.StatusCode);
        Assert.Contains("report:", Json(refusal).GetProperty("detail").GetString(), StringComparison.Ordinal);
        (HttpResponseMessage unknown, string unknownText) = await this.GetAsync($"{prefix}/feature-sets/1/lineage");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("the reports are quality, cleaning, profile", Json(unknownText).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotAcceptable, (await this.GetAsync($"{prefix}/runs/{runId}/roc.md")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await this.SendAsync(HttpMethod.Get, $"{prefix}/design", null)).StatusCode);
    }

    /// <summary>credit_data.csv with the Income field of its first <paramref name="rows"/> records emptied.</summary>
    private static byte[] WithoutIncome(int rows)
    {
        string[] lines = File.ReadAllLines(Projects.DataPath("credit_data.csv"));
        int income = Array.IndexOf(lines[0].Split(',').Select(h => h.Trim('"')).ToArray(), "Income");
        for (int i = 1; i <= rows; i++)
        {
            string[] fields = lines[i].Split(',');
            fields[income] = string.Empty;
            lines[i] = string.Join(',', fields);
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private async Task<(HttpResponseMessage Response, string Text)> GetAsync(string path, string accept = "*/*")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("x-api-key", TestKeys.Business);
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        HttpResponseMessage response = await platform.Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, byte[]? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        }

        return await platform.Http.SendAsync(request);
    }
}
