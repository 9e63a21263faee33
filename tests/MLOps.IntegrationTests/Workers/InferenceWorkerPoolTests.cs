using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using MLOps.Core.Serving.Workers;

namespace MLOps.IntegrationTests.Workers;

[Collection(WorkerCollection.Name)]
public sealed class InferenceWorkerPoolTests(WorkerFixture workers)
{
    [Fact]
    public async Task The_pool_routes_only_to_workers_that_answer_ready()
    {
        Uri dead = new($"http://127.0.0.1:{UnusedPort()}/");
        using var pool = new InferenceWorkerPool(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            new WorkerPoolOptions { Endpoints = [dead.AbsoluteUri], ReadinessCacheDuration = TimeSpan.FromMinutes(5) },
            TimeProvider.System,
            NullLogger.Instance);
        pool.Add(workers.Default.Endpoint, workers.Default.AccessKey);
        pool.Add(workers.Unbatched.Endpoint, workers.Unbatched.AccessKey);

        IReadOnlyList<InferenceWorkerClient> ready = await pool.GetReadyAsync();
        Uri[] picked = [.. await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ => (await pool.NextReadyAsync()).Endpoint))];
        pool.MarkNotReady(workers.Default.Endpoint);
        Uri afterFailure = (await pool.NextReadyAsync()).Endpoint;
        pool.MarkNotReady(workers.Unbatched.Endpoint);
        InferenceWorkerException none = await Assert.ThrowsAsync<InferenceWorkerException>(() => pool.NextReadyAsync());

        Assert.Equal(3, pool.Endpoints.Count);
        Assert.Equal(new[] { workers.Default.Endpoint, workers.Unbatched.Endpoint }.OrderBy(u => u.AbsoluteUri), ready.Select(c => c.Endpoint).OrderBy(u => u.AbsoluteUri));
        Assert.DoesNotContain(dead, picked);
        Assert.Equal(2, picked.Distinct().Count());
        Assert.Equal(workers.Unbatched.Endpoint, afterFailure);
        Assert.Contains("None of the 3 ONNX worker(s) is ready", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pool_with_an_endpoint_that_is_not_a_url_is_refused()
    {
        ArgumentException refused = Assert.Throws<ArgumentException>(() => new InferenceWorkerPool(
            new HttpClient(), new WorkerPoolOptions { Endpoints = ["not a url"] }, TimeProvider.System, NullLogger.Instance));

        Assert.Contains("'not a url'", refused.Message, StringComparison.Ordinal);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
