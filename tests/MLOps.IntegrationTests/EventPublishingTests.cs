using System.Collections.Concurrent;
using Azure.Messaging.EventGrid;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MLOps.Core.Events;
using MLOps.Core.Observability;
using MLOps.IntegrationTests.Infrastructure;

namespace MLOps.IntegrationTests;

public class EventPublishingTests
{
    [Fact]
    public async Task Platform_events_reach_the_topic_endpoint_in_the_event_grid_schema_with_the_key()
    {
        var received = new ConcurrentQueue<(string? Key, string Body)>();
        string url = $"http://127.0.0.1:{FreePorts.Next()}";
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        await using WebApplication topic = builder.Build();
        topic.MapPost("/api/events", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            received.Enqueue((request.Headers["aeg-sas-key"], await reader.ReadToEndAsync()));
            return Results.Ok();
        });
        await topic.StartAsync();

        var publisher = new EventGridPlatformEventPublisher(
            Options.Create(new EventGridOptions { TopicEndpoint = url + "/api/events", TopicKey = "topic-key" }),
            new PlatformMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<EventGridPlatformEventPublisher>.Instance);
        await publisher.PublishAsync(new PlatformEvent("run-1:failed", PlatformEventTypes.PipelineFailed, "pipelines/x/run-1", new { reason = "boom" }));

        (string? key, string body) = Assert.Single(received);
        Assert.Equal("topic-key", key);
        EventGridEvent published = Assert.Single(EventGridEvent.ParseMany(BinaryData.FromString(body)));
        Assert.Equal(("run-1:failed", PlatformEventTypes.PipelineFailed, "pipelines/x/run-1"), (published.Id, published.EventType, published.Subject));
        Assert.Contains("boom", published.Data.ToString(), StringComparison.Ordinal);
    }
}
