using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MLOps.Core.Serving.Workers;

/// <summary>
/// The ONNX workers this host may route to, readiness-checked: a worker is only handed out when its latest answer
/// to /v2/health/ready (at most <see cref="WorkerPoolOptions.ReadinessCacheDuration"/> old) was 200, and a caller
/// that could not reach one takes it out with <see cref="MarkNotReady"/> until it answers again. Endpoints come from
/// options and from <see cref="Add"/> (the embedded host's local workers).
/// </summary>
public sealed class InferenceWorkerPool : IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly WorkerPoolOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<Uri, Worker> workers = new();
    private int next;

    public InferenceWorkerPool(IOptions<WorkerPoolOptions> options, TimeProvider clock, ILogger<InferenceWorkerPool> logger)
        : this(CreateHttpClient(options.Value), options.Value, clock, logger)
    {
        this.ownsHttp = true;
    }

    public InferenceWorkerPool(HttpClient http, WorkerPoolOptions options, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        if (options.InvalidEndpoint() is { } invalid)
        {
            throw new ArgumentException($"Workers:Endpoints holds '{invalid}', which is not an absolute http(s) URL.", nameof(options));
        }

        this.http = http;
        this.options = options;
        this.clock = clock;
        this.logger = logger;
        foreach (string endpoint in options.Endpoints)
        {
            this.Add(new Uri(endpoint));
        }
    }

    /// <summary>Every endpoint in the pool, ready or not.</summary>
    public IReadOnlyList<Uri> Endpoints => [.. this.workers.Keys.OrderBy(u => u.AbsoluteUri, StringComparer.Ordinal)];

    /// <summary>
    /// Adds a worker; it is probed before it is first handed out. <paramref name="accessKey"/> is its own key (the
    /// embedded host gives each local worker one); null uses Workers:AccessKey. False when it was already in the pool.
    /// </summary>
    public bool Add(Uri endpoint, string? accessKey = null)
    {
        var client = new InferenceWorkerClient(this.http, endpoint, accessKey ?? this.options.AccessKey);
        return this.workers.TryAdd(client.Endpoint, new Worker(client));
    }

    public bool Remove(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return this.workers.TryRemove(Normalize(endpoint), out _);
    }

    /// <summary>Takes a worker out of rotation until its next readiness probe (e.g. after a connection failure).</summary>
    public void MarkNotReady(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (this.workers.TryGetValue(Normalize(endpoint), out Worker? worker))
        {
            worker.Record(false, this.clock.GetUtcNow());
        }
    }

    /// <summary>The workers that are ready now, probing those whose last answer is older than the cache duration.</summary>
    public async Task<IReadOnlyList<InferenceWorkerClient>> GetReadyAsync(CancellationToken cancellationToken = default)
    {
        Worker[] all = [.. this.workers.Values.OrderBy(w => w.Client.Endpoint.AbsoluteUri, StringComparer.Ordinal)];
        await Task.WhenAll(all.Where(w => w.IsStale(this.clock.GetUtcNow(), this.options.ReadinessCacheDuration)).Select(w => this.ProbeAsync(w, cancellationToken)));
        return [.. all.Where(w => w.Ready).Select(w => w.Client)];
    }

    /// <summary>The next ready worker, round-robin; throws <see cref="InferenceWorkerException"/> when none is ready.</summary>
    public async Task<InferenceWorkerClient> NextReadyAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<InferenceWorkerClient> ready = await this.GetReadyAsync(cancellationToken);
        if (ready.Count == 0)
        {
            throw new InferenceWorkerException(
                this.workers.IsEmpty ? "No ONNX worker is configured (Workers:Endpoints)." : $"None of the {this.workers.Count} ONNX worker(s) is ready.");
        }

        return ready[(int)((uint)Interlocked.Increment(ref this.next) % (uint)ready.Count)];
    }

    public void Dispose()
    {
        if (this.ownsHttp)
        {
            this.http.Dispose();
        }
    }

    private async Task ProbeAsync(Worker worker, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(this.options.ProbeTimeout);
        bool ready;
        try
        {
            ready = await worker.Client.IsReadyAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ready = false;
        }

        if (worker.Ready != ready)
        {
            this.logger.LogInformation("ONNX worker {Endpoint} is {State}.", worker.Client.Endpoint, ready ? "ready" : "not ready");
        }

        worker.Record(ready, this.clock.GetUtcNow());
    }

    private static Uri Normalize(Uri endpoint) => endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");

    private static HttpClient CreateHttpClient(WorkerPoolOptions options) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = options.RequestTimeout };

    private sealed class Worker(InferenceWorkerClient client)
    {
        private readonly Lock gate = new();
        private DateTimeOffset checkedAt = DateTimeOffset.MinValue;

        public InferenceWorkerClient Client { get; } = client;

        public bool Ready { get; private set; }

        public bool IsStale(DateTimeOffset now, TimeSpan cacheDuration)
        {
            lock (this.gate)
            {
                return now - this.checkedAt >= cacheDuration;
            }
        }

        public void Record(bool ready, DateTimeOffset at)
        {
            lock (this.gate)
            {
                this.Ready = ready;
                this.checkedAt = at;
            }
        }
    }
}
