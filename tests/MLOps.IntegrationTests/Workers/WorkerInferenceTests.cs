using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MLOps.Core.Serving.Workers;
using Xunit.Abstractions;

namespace MLOps.IntegrationTests.Workers;

[Collection(WorkerCollection.Name)]
public sealed class WorkerInferenceTests(WorkerFixture workers, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Name = "credit-scoring.requests";

    public async Task InitializeAsync() => await workers.Client(workers.Default).LoadAsync(Name, await workers.PackageAsync(version: 3));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Data_may_be_flat_or_nested_and_missing_values_are_NaN()
    {
        float[] rows = [.. workers.Model.Row(0), .. workers.Model.Row(1)];
        string flat = Numbers(rows);
        string nested = $"[{Numbers(workers.Model.Row(0))},{Numbers(workers.Model.Row(1))}]";
        float[] withMissing = workers.Model.Row(2);
        withMissing[0] = float.NaN;
        withMissing[3] = float.NaN;
        Dictionary<string, double[]> expected = workers.Model.ScoreInProcess(withMissing);

        using JsonDocument fromFlat = await this.InferOkAsync(Input([2, WorkerFixture.Width], flat));
        using JsonDocument fromNested = await this.InferOkAsync(Input([2, WorkerFixture.Width], nested));
        using JsonDocument missing = await this.InferOkAsync(Input([1, WorkerFixture.Width], Numbers(withMissing)), ""","outputs":[{"name":"Probability.output"}]""");

        Assert.Equal(fromFlat.RootElement.GetProperty("outputs").GetRawText(), fromNested.RootElement.GetProperty("outputs").GetRawText());
        JsonElement probability = Assert.Single(missing.RootElement.GetProperty("outputs").EnumerateArray());
        Assert.Equal("Probability.output", probability.GetProperty("name").GetString());
        Assert.Equal(expected["Probability.output"][0], probability.GetProperty("data")[0].GetSingle());
        Assert.False(missing.RootElement.TryGetProperty("id", out _));
    }

    private static readonly string Row = Values(WorkerFixture.Width);

    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { "not JSON", "{\"inputs\": [", "not valid JSON" },
        { "not an object", "[1, 2]", "must be a JSON object" },
        { "no inputs", "{}", "the request has 0" },
        { "two inputs", $"{{\"inputs\":[{InputText([1, W], Row)},{InputText([1, W], Row)}]}}", "the request has 2" },
        { "wrong input name", "{\"inputs\":[{\"name\":\"X\",\"datatype\":\"FP32\",\"shape\":[1,21],\"data\":" + Row + "}]}", "Input 'X' is not the model's input" },
        { "datatype FP64", "{\"inputs\":[{\"name\":\"Features\",\"datatype\":\"FP64\",\"shape\":[1,21],\"data\":" + Row + "}]}", "datatype 'FP64'; the model takes FP32" },
        { "datatype BYTES", "{\"inputs\":[{\"name\":\"Features\",\"datatype\":\"BYTES\",\"shape\":[1,21],\"data\":[\"a\"]}]}", "datatype 'BYTES'" },
        { "width 22", $"{{\"inputs\":[{InputText([1, W + 1], Values(W + 1))}]}}", "has shape [1, 22]; the model takes [n, 21]" },
        { "rank 1", $"{{\"inputs\":[{InputText([W], Row)}]}}", "has shape [21]" },
        { "zero rows", $"{{\"inputs\":[{InputText([0, W], "[]")}]}}", "has shape [0, 21]" },
        { "negative dimension", $"{{\"inputs\":[{InputText([-1, W], Row)}]}}", "non-negative integers" },
        { "too few values", $"{{\"inputs\":[{InputText([2, W], Row)}]}}", "has 21 values; shape [2, 21] needs 42" },
        { "a string value", $"{{\"inputs\":[{InputText([1, W], Values(W).Replace("[1,2,3,", "[1,2,\"x\",", StringComparison.Ordinal))}]}}", "data element 2 is the string \"x\"" },
        { "a boolean value", $"{{\"inputs\":[{InputText([1, W], Values(W).Replace("[1,2,3,4,", "[1,2,3,true,", StringComparison.Ordinal))}]}}", "data element 3 is a boolean" },
        { "null for missing", $"{{\"inputs\":[{InputText([1, W], Values(W).Replace("[1,2,", "[1,null,", StringComparison.Ordinal))}]}}", "data element 1 is null" },
        { "beyond FP32", $"{{\"inputs\":[{InputText([1, W], Values(W).Replace("[1,2,", "[1,1e39,", StringComparison.Ordinal))}]}}", "outside the FP32 range" },
        { "nested not as shape", $"{{\"inputs\":[{InputText([2, W], $"[{Values(W + 1)},{Values(W - 1)}]")}]}}", "nested but not as its shape" },
        { "ragged nesting", $"{{\"inputs\":[{InputText([2, W], $"[{Row},{Row[1..^1]}]")}]}}", "nested but not as its shape" },
        { "unknown output", $"{{\"inputs\":[{InputText([1, W], Row)}],\"outputs\":[{{\"name\":\"Nope\"}}]}}", "Output 'Nope' is not an output of the model" },
        { "id a number", $"{{\"id\":5,\"inputs\":[{InputText([1, W], Row)}]}}", "\"id\" must be a string" },
        { "65 rows over the maximum 64", $"{{\"inputs\":[{InputText([65, W], Values(65 * W))}]}}", "more than 1344 values: more than 64 rows" },
        { "65 rows declared", $"{{\"inputs\":[{InputText([65, W], Row)}]}}", "has 65 rows; this worker takes at most 64" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_a_400_naming_the_problem(string why, string body, string expected)
    {
        using HttpResponseMessage response = await this.PostAsync($"v2/models/{Name}/infer", body);
        string text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{why}: {(int)response.StatusCode} {text}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument error = JsonDocument.Parse(text);
        Assert.Contains(expected, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_or_version_is_a_404()
    {
        string body = $"{{\"inputs\":[{InputText([1, W], Row)}]}}";
        using HttpResponseMessage infer = await this.PostAsync("v2/models/nobody/infer", body);
        using HttpResponseMessage version = await this.PostAsync($"v2/models/{Name}/versions/99/infer", body);
        InferenceWorkerClient client = workers.Client(workers.Default);
        InferenceWorkerException metadata = await Assert.ThrowsAsync<InferenceWorkerException>(() => client.GetMetadataAsync("nobody"));

        Assert.Equal(HttpStatusCode.NotFound, infer.StatusCode);
        Assert.Contains("Model 'nobody' is not loaded", await infer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, metadata.Status);
        Assert.False(await client.IsModelReadyAsync("nobody"));
        Assert.True(await client.IsModelReadyAsync(Name));
        Assert.True(await client.IsModelReadyAsync(Name, "3"));
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        string body = "{\"inputs\":[" + new string(' ', WorkerFixture.DefaultMaxRequestBytes) + "]}";

        // Expect: 100-continue lets the worker refuse on Content-Length before the body is sent; without it the client
        // may still be writing when the server answers 413 and closes, and the send fails with a broken pipe.
        using HttpResponseMessage response = await this.PostAsync($"v2/models/{Name}/infer", body, expectContinue: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private const int W = WorkerFixture.Width;

    /// <summary>A flat JSON array of 1, 2, …, <paramref name="count"/>.</summary>
    private static string Values(int count) => "[" + string.Join(',', Enumerable.Range(1, count)) + "]";

    private static string Numbers(float[] values) =>
        "[" + string.Join(',', values.Select(v => float.IsNaN(v) ? "\"NaN\"" : v.ToString("R", CultureInfo.InvariantCulture))) + "]";

    private static string InputText(int[] shape, string data) =>
        $"{{\"name\":\"Features\",\"datatype\":\"FP32\",\"shape\":[{string.Join(',', shape)}],\"data\":{data}}}";

    private static string Input(int[] shape, string data) => $"{{\"inputs\":[{InputText(shape, data)}]";

    private async Task<JsonDocument> InferOkAsync(string openBody, string rest = "")
    {
        using HttpResponseMessage response = await this.PostAsync($"v2/models/{Name}/infer", openBody + rest + "}");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(workers.Default.Endpoint, path))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", workers.Default.AccessKey);
        request.Headers.ExpectContinue = expectContinue;
        return await workers.Http.SendAsync(request);
    }
}
