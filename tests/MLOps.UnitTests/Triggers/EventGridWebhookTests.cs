using MLOps.Core.Landing;
using MLOps.Triggers.EventGrid;

namespace MLOps.UnitTests.Triggers;

public class EventGridWebhookTests
{
    [Fact]
    public void Reads_the_event_grid_schema()
    {
        const string body = """
            [{"id":"e1","topic":"/t","subject":"s","eventType":"MLOps.Diagnostics.Requested","eventTime":"2026-11-24T00:00:00Z","dataVersion":"1.0","data":{"steps":2}}]
            """;

        IncomingEvent incoming = Assert.Single(EventGridWebhook.Parse(body, "application/json"));

        Assert.Equal(("e1", "/t", "MLOps.Diagnostics.Requested"), (incoming.Id, incoming.Source, incoming.Type));
        Assert.Equal("""{"steps":2}""", incoming.DataJson);
        Assert.Null(incoming.ValidationCode);
    }

    [Fact]
    public void Reads_a_cloud_events_batch()
    {
        const string body = """
            [{"specversion":"1.0","id":"c1","source":"/src","type":"MLOps.Diagnostics.Requested","data":{"steps":1}},
             {"specversion":"1.0","id":"c2","source":"/src","type":"Other"}]
            """;

        IReadOnlyList<IncomingEvent> events = EventGridWebhook.Parse(body, "application/cloudevents-batch+json");

        Assert.Equal(["c1", "c2"], events.Select(e => e.Id));
        Assert.Equal("/src", events[0].Source);
    }

    [Fact]
    public void Finds_the_subscription_validation_code()
    {
        const string body = """
            [{"id":"v","topic":"/t","subject":"","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-24T00:00:00Z","dataVersion":"2","data":{"validationCode":"512d38b6"}}]
            """;

        Assert.Equal("512d38b6", Assert.Single(EventGridWebhook.Parse(body, null)).ValidationCode);
    }

    [Fact]
    public void The_instance_id_depends_on_source_and_id_only()
    {
        var a = new IncomingEvent("1", "/s", "T", "{}", null);

        Assert.Equal(EventGridWebhook.InstanceIdFor(a), EventGridWebhook.InstanceIdFor(a with { DataJson = "{\"x\":1}" }));
        Assert.NotEqual(EventGridWebhook.InstanceIdFor(a), EventGridWebhook.InstanceIdFor(a with { Source = "/other" }));
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
