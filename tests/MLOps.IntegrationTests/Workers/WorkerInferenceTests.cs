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
        Dictionary<string, double[]> expected = workers.Model.ScoreInProcess([float.NaN, 0.5f, 0.5f, float.NaN, 0.25f]);

        using JsonDocument fromFlat = await this.InferOkAsync(Input([2, TestModel.Width], flat));
        using JsonDocument fromNested = await this.InferOkAsync(Input([2, TestModel.Width], nested));
        using JsonDocument missing = await this.InferOkAsync(Input([1, TestModel.Width], """["NaN", 0.5, 0.5, "NaN", 0.25]"""), ""","outputs":[{"name":"Probability.output"}]""");

        Assert.Equal(fromFlat.RootElement.GetProperty("outputs").GetRawText(), fromNested.RootElement.GetProperty("outputs").GetRawText());
        JsonElement probability = Assert.Single(missing.RootElement.GetProperty("outputs").EnumerateArray());
        Assert.Equal("Probability.output", probability.GetProperty("name").GetString());
        Assert.Equal(expected["Probability.output"][0], probability.GetProperty("data")[0].GetSingle());
        Assert.False(missing.RootElement.TryGetProperty("id", out _));
    }

    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { "not JSON", "{\"inputs\": [", "not valid JSON" },
        { "not an object", "[1, 2]", "must be a JSON object" },
        { "no inputs", "{}", "the request has 0" },
        { "two inputs", $"{{\"inputs\":[{InputText([1, 5], "[1,2,3,4,5]")},{InputText([1, 5], "[1,2,3,4,5]")}]}}", "the request has 2" },
        { "wrong input name", "{\"inputs\":[{\"name\":\"X\",\"datatype\":\"FP32\",\"shape\":[1,5],\"data\":[1,2,3,4,5]}]}", "Input 'X' is not the model's input" },
        { "datatype FP64", "{\"inputs\":[{\"name\":\"Features\",\"datatype\":\"FP64\",\"shape\":[1,5],\"data\":[1,2,3,4,5]}]}", "datatype 'FP64'; the model takes FP32" },
        { "datatype BYTES", "{\"inputs\":[{\"name\":\"Features\",\"datatype\":\"BYTES\",\"shape\":[1,5],\"data\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}]}", "datatype 'BYTES'" },
        { "width 6", $"{{\"inputs\":[{InputText([1, 6], "[1,2,3,4,5,6]")}]}}", "has shape [1, 6]; the model takes [n, 5]" },
        { "rank 1", $"{{\"inputs\":[{InputText([5], "[1,2,3,4,5]")}]}}", "has shape [5]" },
        { "zero rows", $"{{\"inputs\":[{InputText([0, 5], "[]")}]}}", "has shape [0, 5]" },
        { "negative dimension", $"{{\"inputs\":[{InputText([-1, 5], "[1,2,3,4,5]")}]}}", "non-negative integers" },
        { "too few values", $"{{\"inputs\":[{InputText([2, 5], "[1,2,3,4,5]")}]}}", "has 5 values; shape [2, 5] needs 10" },
        { "a string value", $"{{\"inputs\":[{InputText([1, 5], "[1,2,\"x\",4,5]")}]}}", "data element 2 is the string \"x\"" },
        { "a boolean value", $"{{\"inputs\":[{InputText([1, 5], "[1,2,3,true,5]")}]}}", "data element 3 is a boolean" },
        { "null for missing", $"{{\"inputs\":[{InputText([1, 5], "[1,null,3,4,5]")}]}}", "data element 1 is null" },
        { "beyond FP32", $"{{\"inputs\":[{InputText([1, 5], "[1,2,3,4,1e39]")}]}}", "outside the FP32 range" },
        { "nested not as shape", $"{{\"inputs\":[{InputText([2, 5], "[[1,2,3,4,5,6],[7,8,9,10]]")}]}}", "nested but not as its shape" },
        { "ragged nesting", $"{{\"inputs\":[{InputText([2, 5], "[[1,2,3,4,5],6,7,8,9,10]")}]}}", "nested but not as its shape" },
        { "unknown output", $"{{\"inputs\":[{InputText([1, 5], "[1,2,3,4,5]")}],\"outputs\":[{{\"name\":\"Nope\"}}]}}", "Output 'Nope' is not an output of the model" },
        { "id a number", $"{{\"id\":5,\"inputs\":[{InputText([1, 5], "[1,2,3,4,5]")}]}}", "\"id\" must be a string" },
        { "65 rows over the maximum 64", $"{{\"inputs\":[{InputText([65, 5], "[" + string.Join(',', Enumerable.Repeat("0.5", 325)) + "]")}]}}", "more than 320 values: more than 64 rows" },
        { "65 rows declared", $"{{\"inputs\":[{InputText([65, 5], "[1,2,3,4,5]")}]}}", "has 65 rows; this worker takes at most 64" },
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
        string body = $"{{\"inputs\":[{InputText([1, 5], "[1,2,3,4,5]")}]}}";
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

        using HttpResponseMessage response = await this.PostAsync($"v2/models/{Name}/infer", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

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

    private async Task<HttpResponseMessage> PostAsync(string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(workers.Default.Endpoint, path))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", workers.Default.AccessKey);
        return await workers.Http.SendAsync(request);
    }
}
