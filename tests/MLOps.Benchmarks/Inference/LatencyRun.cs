using System.Diagnostics;

namespace MLOps.Benchmarks.Inference;

/// <summary>
/// One measured scenario: <c>requests</c> requests of <c>batch</c> rows each, issued by <c>concurrency</c> loops that
/// each wait for their answer before sending the next (closed loop), every latency recorded.
/// </summary>
public sealed record LatencyRun(string Target, int Batch, int Concurrency, int Requests, TimeSpan Wall, double[] LatenciesMs)
{
    public double RowsPerSecond => this.Requests * (double)this.Batch / this.Wall.TotalSeconds;

    public double RequestsPerSecond => this.Requests / this.Wall.TotalSeconds;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public static Task<LatencyRun> MeasureAsync(IInferenceTarget target, float[] rows, int batch, int concurrency, int requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(rows);
        int slices = rows.Length / (batch * InferenceSuite.Width);
        return MeasureAsync(
            target.Name, batch, concurrency, requests,
            async (i, ct) => (await target.ScoreAsync(rows.AsMemory((i % slices) * batch * InferenceSuite.Width, batch * InferenceSuite.Width), ct)).Length,
            cancellationToken);
    }

    /// <summary>The closed loop for any caller: <paramref name="score"/> sends request i and returns how many scores came back.</summary>
    public static async Task<LatencyRun> MeasureAsync(
        string target, int batch, int concurrency, int requests, Func<int, CancellationToken, Task<int>> score, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(score);
        double[] latencies = new double[requests];
        int next = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests)
                {
                    long started = Stopwatch.GetTimestamp();
                    int scores = await score(i, cancellationToken);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (scores != batch)
                    {
                        throw new InvalidOperationException($"{target} answered {scores} scores for {batch} rows.");
                    }
                }
            },
            cancellationToken)));
        wall.Stop();
        return new LatencyRun(target, batch, concurrency, requests, wall.Elapsed, latencies);
    }

    private double Percentile(double p)
    {
        double[] sorted = [.. this.LatenciesMs.Order()];
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
