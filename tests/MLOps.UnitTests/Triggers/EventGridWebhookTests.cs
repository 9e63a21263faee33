using System.Text.Json.Nodes;
using MLOps.Core.Landing;
using MLOps.Triggers.EventGrid;

namespace MLOps.UnitTests.Triggers;

public class EventGridWebhookTests
{
    private const string Good = """{"id":"e1","topic":"/t","subject":"s","eventType":"MLOps.Diagnostics.Requested","eventTime":"2026-11-24T00:00:00Z","dataVersion":"1.0","data":{"steps":2}}""";

    [Fact]
    public void Reads_the_event_grid_schema()
    {
        (IReadOnlyList<IncomingEvent> events, IReadOnlyList<string> problems) = EventDelivery.Parse($"[{Good}]", "application/json");

        IncomingEvent incoming = Assert.Single(events);
        Assert.Empty(problems);
        Assert.Equal(("e1", "/t", "MLOps.Diagnostics.Requested", 0), (incoming.Id, incoming.Source, incoming.Type, incoming.Index));
        Assert.Equal("""{"steps":2}""", incoming.Data!.ToJsonString());
        Assert.Null(incoming.ValidationCode);
    }

    [Fact]
    public void Reads_a_cloud_events_batch_and_a_single_structured_cloud_event()
    {
        const string batch = """
            [{"specversion":"1.0","id":"c1","source":"/src","type":"MLOps.Diagnostics.Requested","data":{"steps":1}},
             {"specversion":"1.0","id":"c2","source":"/src","type":"Other"}]
            """;

        Assert.Equal(["c1", "c2"], EventDelivery.Parse(batch, "application/cloudevents-batch+json").Events.Select(e => e.Id));
        Assert.Equal("/single", Assert.Single(EventDelivery.Parse("""{"specversion":"1.0","id":"s","source":"/single","type":"T"}""", "application/cloudevents+json").Events).Source);
    }

    [Fact]
    public void Finds_the_subscription_validation_code()
    {
        const string body = """
            [{"id":"v","topic":"/t","subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-24T00:00:00Z","dataVersion":"2","data":{"validationCode":"512d38b6"}}]
            """;

        Assert.Equal("512d38b6", Assert.Single(EventDelivery.Parse(body, null).Events).ValidationCode);
    }

    /// <summary>The malformed deliveries a tester sent: each was a 500; each must name the event and the field.</summary>
    [Theory]
    [InlineData("[null]", "application/json", "events[0]: must be an object")]
    [InlineData("[1,2]", "application/json", "events[1]: must be an object")]
    [InlineData("\"text\"", "application/json", "$: a delivery must be an array")]
    [InlineData("{}", "application/json", "$: a delivery must be an array")]
    [InlineData("[]", "application/json", "$: the delivery holds no events")]
    [InlineData("[{\"id\":1}]", "application/json", "events[0].id: must be a string")]
    [InlineData("[{}]", "application/json", "events[0].eventType: is required")]
    [InlineData("[{\"id\":\"a\",\"eventType\":\"t\",\"subject\":\"s\",\"dataVersion\":\"1\",\"data\":{},\"eventTime\":5}]", "application/json", "events[0].eventTime: must be an ISO 8601 time")]
    [InlineData("[{\"id\":\"a\",\"eventType\":\"t\",\"subject\":\"s\",\"dataVersion\":\"1\",\"data\":{},\"eventTime\":\"soon\"}]", "application/json", "events[0].eventTime: must be an ISO 8601 time")]
    [InlineData("[{\"id\":\"a\",\"eventType\":\"t\",\"subject\":\"s\",\"dataVersion\":\"1\",\"eventTime\":\"2026-01-01T00:00:00Z\"}]", "application/json", "events[0].data: is required")]
    [InlineData("[{\"id\":\"a\",\"eventType\":\"t\",\"subject\":\"s\",\"dataVersion\":1,\"data\":{},\"eventTime\":\"2026-01-01T00:00:00Z\"}]", "application/json", "events[0].dataVersion: must be a string")]
    [InlineData("[{\"id\":\"a\",\"eventType\":{},\"subject\":\"s\",\"dataVersion\":\"1\",\"data\":{},\"eventTime\":\"2026-01-01T00:00:00Z\"}]", "application/json", "events[0].eventType: must be a string")]
    [InlineData("[{\"id\":\"a\",\"eventType\":\"t\",\"subject\":\"s\",\"topic\":7,\"dataVersion\":\"1\",\"data\":{},\"eventTime\":\"2026-01-01T00:00:00Z\"}]", "application/json", "events[0].topic: must be a string")]
    [InlineData("{\"specversion\":\"1.0\"}", "application/cloudevents+json", "events[0].source: is required")]
    [InlineData("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":5,\"type\":\"t\"}", "application/cloudevents+json", "events[0].source: must be a string")]
    [InlineData("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"x\"}", "application/cloudevents+json", "events[0].time: must be an ISO 8601 time")]
    [InlineData("{\"specversion\":\"0.3\",\"id\":\"x\",\"source\":\"/s\",\"type\":\"t\"}", "application/cloudevents+json", "events[0].specversion: must be \"1.0\"")]
    [InlineData("{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/s\",\"type\":\"t\"}", "application/cloudevents+json", "events[0].id: must be 1 to 256 characters")]
    [InlineData("[{\"id\":\"v\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"subject\":\"\",\"dataVersion\":\"2\",\"data\":{\"validationCode\":5},\"eventTime\":\"2026-01-01T00:00:00Z\"}]", "application/json", "events[0].data.validationCode: must be a string")]
    [InlineData("[{", "application/json", "Malformed JSON")]
    public void Malformed_deliveries_name_the_event_and_the_field(string body, string contentType, string expected)
    {
        (_, IReadOnlyList<string> problems) = EventDelivery.Parse(body, contentType);

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Good_events_of_a_batch_are_kept_beside_the_bad_ones()
    {
        (IReadOnlyList<IncomingEvent> events, IReadOnlyList<string> problems) = EventDelivery.Parse($"[{Good}, null, {Good.Replace("\"e1\"", "\"e3\"", StringComparison.Ordinal)}]", null);

        Assert.Equal([0, 2], events.Select(e => e.Index));
        Assert.Equal("events[1]: must be an object", Assert.Single(problems));
    }

    [Fact]
    public void Deep_nesting_is_refused_by_the_reader_not_the_stack()
    {
        (IReadOnlyList<IncomingEvent> events, IReadOnlyList<string> problems) = EventDelivery.Parse(new string('[', 100_000), null);

        Assert.Empty(events);
        Assert.Contains("32", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void The_instance_id_depends_on_source_and_id_only_and_is_reserved()
    {
        var a = new IncomingEvent(0, "1", "/s", "T", new JsonObject(), null);

        Assert.Equal(EventGridWebhook.InstanceIdFor(a), EventGridWebhook.InstanceIdFor(a with { Data = JsonNode.Parse("""{"x":1}"""), Index = 3 }));
        Assert.NotEqual(EventGridWebhook.InstanceIdFor(a), EventGridWebhook.InstanceIdFor(a with { Source = "/other" }));
        Assert.NotNull(MLOps.Core.Pipelines.InstanceIds.CallerChosenProblem(EventGridWebhook.InstanceIdFor(a)));
    }

    [Theory]
    [InlineData("https://acct.blob.core.windows.net/landing/credit/c.csv")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/landing/credit/c.csv")]
    public void Blob_urls_of_azure_and_azurite_map_to_the_landing_blob(string url)
    {
        LandingBlob? blob = EventGridWebhook.ToLandingBlob(new Uri(url), "0x1", 5);

        Assert.Equal(new LandingBlob("landing", "credit/c.csv", "0x1", 5), blob);
    }

    [Fact]
    public void Blobs_outside_the_landing_container_are_not_landing_blobs()
    {
        Assert.Null(EventGridWebhook.ToLandingBlob(new Uri("https://acct.blob.core.windows.net/other/landing/c.csv"), "e", null));
    }
}
