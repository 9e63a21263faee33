using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>
/// Score requests at a steady concurrency against a host on this machine: loopback only (it refuses any other
/// address), bounded by a request count and a duration (and a caller's stop), each request recorded with when it
/// started and ended, its status and the deployment that answered it. A request the host does not answer at all is
/// recorded with status 0 and the error.
/// </summary>
internal sealed class LoadGenerator
{
    public const int MaxRequests = 100_000;

    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    private readonly HttpClient http;
    private readonly string apiKey;

    public LoadGenerator(HttpClient http, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        Uri target = http.BaseAddress ?? throw new ArgumentException("The client needs a base address.", nameof(http));
        if (!target.IsLoopback)
        {
            throw new ArgumentException($"The load generator only sends to this machine, not to {target.Host}.", nameof(http));
        }

        this.http = http;
        this.apiKey = apiKey;
    }

    /// <summary>
    /// Sends up to <paramref name="count"/> POSTs of <paramref name="body"/>(i) to <paramref name="path"/>, at most
    /// <paramref name="concurrency"/> at a time, until the count is sent, <paramref name="duration"/> has passed or
    /// <paramref name="stop"/> is cancelled; requests in flight then finish. Samples come back in request order.
    /// </summary>
    public async Task<IReadOnlyList<LoadSample>> RunAsync(
        string path, Func<int, string> body, int count, int concurrency, TimeSpan duration, Func<int, string?>? routingKey = null, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxRequests);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration, MaxDuration);
        var clock = Stopwatch.StartNew();
        var samples = new LoadSample?[count];
        int next = -1;
        async Task SendAllAsync()
        {
            int index;
            while (!stop.IsCancellationRequested && clock.Elapsed < duration && (index = Interlocked.Increment(ref next)) < count)
            {
                samples[index] = await this.SendAsync(index, path, body(index), routingKey?.Invoke(index));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(SendAllAsync, CancellationToken.None)));
        return [.. samples.OfType<LoadSample>()];
    }

    private async Task<LoadSample> SendAsync(int index, string path, string body, string? routingKey)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("x-api-key", this.apiKey);
            if (routingKey is not null)
            {
                request.Headers.Add("x-routing-key", routingKey);
            }

            using HttpResponseMessage response = await this.http.SendAsync(request, CancellationToken.None);
            string text = await response.Content.ReadAsStringAsync(CancellationToken.None);
            string? deployment = null;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var answer = JsonDocument.Parse(text);
                deployment = answer.RootElement.GetProperty("deployment").GetString();
            }

            string? id = response.Headers.TryGetValues("x-request-id", out IEnumerable<string>? ids) ? ids.Single() : null;
            return new LoadSample(index, started, DateTimeOffset.UtcNow, (int)response.StatusCode, deployment, id, response.IsSuccessStatusCode ? null : text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new LoadSample(index, started, DateTimeOffset.UtcNow, 0, null, null, e.Message);
        }
    }
}

/// <summary>One request of a load run: when it was sent and answered (UTC), its status, who answered.</summary>
internal sealed record LoadSample(int Index, DateTimeOffset Started, DateTimeOffset Ended, int Status, string? Deployment, string? RequestId, string? Error);
