using System.Net;
using System.Text.Json;
using MLOps.Core.Serving.Workers;
using Xunit.Abstractions;

namespace MLOps.IntegrationTests.Workers;

[Collection(WorkerCollection.Name)]
public sealed class WorkerMetricsTests(WorkerFixture workers, ITestOutputHelper output)
{
    [Fact]
    public async Task Metrics_are_prometheus_text_per_model_and_version_with_the_provider()
    {
        const string name = "credit-scoring.metrics";
        InferenceWorkerClient client = workers.Client(workers.Default);
        string digest = await workers.PackageAsync(version: 3);
        await client.LoadAsync(name, digest);
        for (int i = 0; i < 3; i++)
        {
            await client.InferAsync(name, null, workers.Model.Row(i), WorkerFixture.Width);
        }

        await client.InferAsync(name, null, workers.Model.Rows.AsMemory(0, 4 * WorkerFixture.Width), WorkerFixture.Width);
        await Assert.ThrowsAsync<InferenceWorkerException>(() => client.InferAsync(name, null, new float[6], 6));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(workers.Default.Endpoint, "metrics"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", workers.Default.AccessKey);
        using HttpResponseMessage response = await workers.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        output.WriteLine(text);
        PrometheusText metrics = PrometheusText.Parse(text);
        (string, string)[] labels = [("model", name), ("version", "3")];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("counter", metrics.Types["mlops_worker_requests_total"]);
        Assert.Equal("histogram", metrics.Types["mlops_worker_batch_size"]);
        Assert.Equal("histogram", metrics.Types["mlops_worker_queue_time_seconds"]);
        Assert.Equal("histogram", metrics.Types["mlops_worker_inference_time_seconds"]);
        Assert.Equal(5, metrics.Value("mlops_worker_requests_total", labels));
        Assert.Equal(1, metrics.Value("mlops_worker_errors_total", [.. labels, ("status", "400")]));
        Assert.Equal(4, metrics.Value("mlops_worker_batch_size_count", labels));
        Assert.Equal(7, metrics.Value("mlops_worker_batch_size_sum", labels));
        Assert.Equal(4, metrics.Value("mlops_worker_inference_time_seconds_count", labels));
        Assert.True(metrics.Value("mlops_worker_inference_time_seconds_sum", labels) > 0);
        Assert.Equal(1, metrics.Value("mlops_worker_provider", ("provider", "CPU")));
        Assert.Equal(1, metrics.Value("mlops_worker_model_loaded", [.. labels, ("provider", "CPU"), ("package", digest)]));
    }

    [Fact]
    public async Task The_server_reports_its_provider_and_extension()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(workers.Default.Endpoint, "v2"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", workers.Default.AccessKey);
        using HttpResponseMessage response = await workers.Http.SendAsync(request);
        using JsonDocument server = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("mlops-onnx-worker", server.RootElement.GetProperty("name").GetString());
        Assert.Equal(WorkerProtocol.ModelRepositoryExtension, server.RootElement.GetProperty("extensions")[0].GetString());
        Assert.Equal(WorkerProtocol.CpuProvider, server.RootElement.GetProperty("parameters").GetProperty("provider").GetString());
        Assert.True(await workers.Client(workers.Default).IsLiveAsync());
    }
}
