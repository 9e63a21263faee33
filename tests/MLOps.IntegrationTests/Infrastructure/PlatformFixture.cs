using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MLOps.LocalHost;

namespace MLOps.IntegrationTests.Infrastructure;

/// <summary>
/// One real Azurite and one embedded host serving real HTTP on a free loopback port, shared by the tests of
/// the <see cref="PlatformCollection"/>. A schedule fires every 10 seconds so the timer path is exercised. A registered
/// model does not start continuous integration here (the tests of this collection package and check models
/// themselves); <see cref="CiPlatformFixture"/> keeps that route.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    public const string ScheduleName = "every10s";

    public const long UploadLimitBytes = 8L << 20;

    private WebApplication? app;

    public AzuriteFixture Storage { get; } = new();

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{FreePorts.Next()}/");

    public string TaskHub { get; } = "it" + Guid.NewGuid().ToString("N")[..10];

    public HttpClient Http { get; private set; } = null!;

    public DurableTaskClient Client => this.app!.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The host's services, for tests that call domain services directly against the same storage.</summary>
    public IServiceProvider Services => this.app!.Services;

    public BlobServiceClient Blobs => new(this.Storage.ConnectionString);

    public async Task InitializeAsync()
    {
        await this.Storage.InitializeAsync();
        var settings = new Dictionary<string, string?>(TestKeys.AsConfiguration())
        {
            ["DurableEngine:TaskHubName"] = this.TaskHub,

            // The generated development signing key goes to a temporary folder, not the user's profile.
            ["Packaging:LocalKeyPath"] = Path.Combine(Path.GetTempPath(), this.TaskHub, "package-signing-key.pem"),
            ["LandingWatcher:PollInterval"] = "00:00:00.500",

            // Batch scoring fans the 4,454 credit records out over five chunks.
            ["Serving:BatchChunkRows"] = "1000",

            // Retired deployments are unloaded 2 s after they leave a routing table, so the traffic tests see it happen.
            ["Serving:RetireDrainSeconds"] = "2",
            ["Schedules:PollInterval"] = "00:00:01",
            ["Schedules:Items:0:Name"] = ScheduleName,
            ["Schedules:Items:0:Cron"] = "*/10 * * * * *",
            ["Schedules:Items:0:Pipeline"] = "diagnostics",
            ["Schedules:Items:0:InputJson"] = """{"steps":1}""",
            ["EventGrid:Routes:MLOps.Diagnostics.Requested"] = "diagnostics",
            ["EventGrid:Routes:Microsoft.Storage.BlobCreated"] = "data-engineering",
            [ModelRegisteredRoute] = string.Empty,

            // Continuous deployment on PackageBuilt would roll the bundled specs' strategies out onto a staging endpoint
            // a test may have deployed; a test that wants it turns it on.
            [PackageBuiltRoute] = string.Empty,

            // Above every bundled data set, low enough for the upload tests to cross it with a few MiB.
            ["DataEngineering:MaxFileBytes"] = UploadLimitBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach ((string key, string? value) in LocalHostBuilder.SelfPublishing(this.BaseUrl.ToString(), TestKeys.Platform))
        {
            settings[key] = value;
        }

        this.app = LocalHostBuilder.Build([], this.Storage.ConnectionString, builder =>
        {
            this.Configure(settings, builder);
            builder.Configuration.AddInMemoryCollection(settings);
            builder.WebHost.UseUrls(this.BaseUrl.ToString().TrimEnd('/'));
        });
        await this.app.StartAsync();
        this.Http = new HttpClient { BaseAddress = this.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The setting of the event route that starts continuous integration when a model version is registered.</summary>
    protected const string ModelRegisteredRoute = "EventGrid:Routes:" + MLOps.Core.Events.PlatformEventTypes.ModelRegistered;

    /// <summary>The setting of the event route that starts continuous deployment when a package passed its build.</summary>
    protected const string PackageBuiltRoute = "EventGrid:Routes:" + MLOps.Core.Events.PlatformEventTypes.PackageBuilt;

    /// <summary>Where a derived fixture changes the host's settings or services before it is built.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings, WebApplicationBuilder builder)
    {
    }

    public async Task DisposeAsync()
    {
        this.Http?.Dispose();
        if (this.app is not null)
        {
            await this.app.StopAsync();
            await this.app.DisposeAsync();
        }

        await this.Storage.DisposeAsync();
    }

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, string? key, object? body = null, string? contentType = null) =>
        Send(this.Http, method, path, key, body, contentType);

    public static async Task<ApiResponse> Send(HttpClient http, HttpMethod method, string path, string? key, object? body = null, string? contentType = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }

        if (body is not null)
        {
            string text = body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }

        using HttpResponseMessage response = await http.SendAsync(request);
        string content = await response.Content.ReadAsStringAsync();
        return new ApiResponse(
            response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            content.Length == 0 ? default : JsonDocument.Parse(content).RootElement.Clone(),
            response.Headers);
    }

    /// <summary>Polls the status route until <paramref name="until"/> holds.</summary>
    public Task<JsonElement> WaitForAsync(string instanceId, Func<JsonElement, bool> until, TimeSpan? timeout = null) =>
        WaitFor(this.Http, TestKeys.Operations, instanceId, until, timeout);

    public Task<JsonElement> WaitForEndAsync(string instanceId, TimeSpan? timeout = null) =>
        this.WaitForAsync(instanceId, IsFinished, timeout);

    public static bool IsFinished(JsonElement status) =>
        status.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated";

    public static async Task<JsonElement> WaitFor(HttpClient http, string key, string instanceId, Func<JsonElement, bool> until, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        JsonElement last = default;
        while (!cancel.IsCancellationRequested)
        {
            ApiResponse response = await Send(http, HttpMethod.Get, $"api/instances/{instanceId}", key);
            if (response.Status is HttpStatusCode.OK or HttpStatusCode.Accepted)
            {
                last = response.Json;
                if (until(last))
                {
                    return last;
                }
            }

            await Task.Delay(200, CancellationToken.None);
        }

        throw new TimeoutException($"Instance {instanceId} did not reach the expected state; last status: {last}");
    }
}

public sealed record ApiResponse(HttpStatusCode Status, string? MediaType, JsonElement Json, HttpResponseHeaders Headers);

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
