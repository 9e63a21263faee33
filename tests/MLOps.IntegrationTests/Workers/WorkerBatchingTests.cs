using MLOps.Core.Serving.Workers;
using Xunit.Abstractions;

namespace MLOps.IntegrationTests.Workers;

[Collection(WorkerCollection.Name)]
public sealed class WorkerBatchingTests(WorkerFixture workers, ITestOutputHelper output)
{
    [Fact]
    public async Task Concurrent_single_row_requests_are_coalesced_into_one_call_and_split_back()
    {
        const string name = "credit-scoring.batched";
        string digest = await workers.PackageAsync(version: 3);
        InferenceWorkerClient batching = workers.Client(workers.Batching);
        InferenceWorkerClient alone = workers.Client(workers.Unbatched);
        await batching.LoadAsync(name, digest);
        await alone.LoadAsync(name, digest);

        // One by one first, on the worker without batching; then all at once on the batching worker, whose preferred
        // batch of 8 with a 5 s queue delay turns 8 concurrent single-row requests into exactly one call.
        var oneByOne = new List<InferenceResult>();
        for (int i = 0; i < WorkerFixture.PreferredBatch; i++)
        {
            oneByOne.Add(await alone.InferAsync(name, "3", workers.Model.Row(i), WorkerFixture.Width, new InferenceRequestOptions { Id = $"r{i}" }));
        }

        InferenceResult[] together = await Task.WhenAll(Enumerable.Range(0, WorkerFixture.PreferredBatch).Select(i =>
            batching.InferAsync(name, "3", workers.Model.Row(i), WorkerFixture.Width, new InferenceRequestOptions { Id = $"r{i}" })));

        for (int i = 0; i < together.Length; i++)
        {
            Assert.Equal($"r{i}", together[i].Id);
            Assert.Equal(oneByOne[i].Outputs.Select(o => o.Name), together[i].Outputs.Select(o => o.Name));
            foreach ((InferenceOutput a, InferenceOutput b) in oneByOne[i].Outputs.Zip(together[i].Outputs))
            {
                Assert.Equal(1, b.Shape[0]);
                Assert.Equal(a.Data, b.Data);
            }
        }

        // Each request got its own row back, not a neighbour's.
        Assert.Equal(WorkerFixture.PreferredBatch, together.Select(r => r.Scores("Probability.output")[0]).Distinct().Count());

        PrometheusText batched = PrometheusText.Parse(await batching.GetMetricsTextAsync());
        PrometheusText unbatched = PrometheusText.Parse(await alone.GetMetricsTextAsync());
        (string, string)[] labels = [("model", name), ("version", "3")];
        output.WriteLine($"batching worker: {batched.Value("mlops_worker_batch_size_count", labels)} call(s), {batched.Value("mlops_worker_batch_size_sum", labels)} rows");
        Assert.Equal(1, batched.Value("mlops_worker_batch_size_count", labels));
        Assert.Equal(WorkerFixture.PreferredBatch, batched.Value("mlops_worker_batch_size_sum", labels));
        Assert.Equal(0, batched.Value("mlops_worker_batch_size_bucket", [.. labels, ("le", "4")]));
        Assert.Equal(WorkerFixture.PreferredBatch, batched.Value("mlops_worker_queue_time_seconds_count", labels));
        Assert.Equal(WorkerFixture.PreferredBatch, batched.Value("mlops_worker_requests_total", labels));
        Assert.Equal(WorkerFixture.PreferredBatch, unbatched.Value("mlops_worker_batch_size_count", labels));
        Assert.Equal(WorkerFixture.PreferredBatch, unbatched.Value("mlops_worker_batch_size_sum", labels));
    }

    [Fact]
    public async Task With_batching_off_concurrent_requests_each_run_alone()
    {
        const string name = "credit-scoring.alone";
        InferenceWorkerClient alone = workers.Client(workers.Unbatched);
        await alone.LoadAsync(name, await workers.PackageAsync(version: 3));

        InferenceResult[] results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => alone.InferAsync(name, null, workers.Model.Row(i), WorkerFixture.Width)));

        PrometheusText metrics = PrometheusText.Parse(await alone.GetMetricsTextAsync());
        (string, string)[] labels = [("model", name), ("version", "3")];
        Assert.Equal(16, metrics.Value("mlops_worker_batch_size_count", labels));
        Assert.Equal(16, metrics.Value("mlops_worker_batch_size_bucket", [.. labels, ("le", "1")]));
        Dictionary<string, double[]> expected = workers.Model.ScoreInProcess([.. Enumerable.Range(0, 16).SelectMany(workers.Model.Row)]);
        Assert.Equal(expected["Probability.output"], results.Select(r => r.Output("Probability.output").Data[0]));
    }

    [Fact]
    public async Task Under_default_batching_concurrent_requests_agree_with_one_by_one()
    {
        const string name = "credit-scoring.default-batching";
        InferenceWorkerClient worker = workers.Client(workers.Default);
        await worker.LoadAsync(name, await workers.PackageAsync(version: 3));
        float[] rows = workers.Model.Rows;

        InferenceResult[] together = await Task.WhenAll(Enumerable.Range(0, workers.Model.RowCount).Select(i => worker.InferAsync(name, null, workers.Model.Row(i), WorkerFixture.Width)));
        InferenceResult all = await worker.InferAsync(name, null, rows, WorkerFixture.Width);

        PrometheusText metrics = PrometheusText.Parse(await worker.GetMetricsTextAsync());
        (string, string)[] labels = [("model", name), ("version", "3")];
        double calls = metrics.Value("mlops_worker_batch_size_count", labels);
        output.WriteLine($"{workers.Model.RowCount} concurrent requests + 1 of {workers.Model.RowCount} rows ran in {calls} calls");
        Assert.Equal(2 * workers.Model.RowCount, metrics.Value("mlops_worker_batch_size_sum", labels));
        Assert.Equal(all.Scores("Probability.output"), together.Select(r => r.Scores("Probability.output")[0]));
    }
}
