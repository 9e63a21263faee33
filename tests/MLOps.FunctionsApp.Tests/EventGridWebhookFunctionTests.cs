using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MLOps.Core.Integration.Builds;
using MLOps.Core.Pipelines;
using MLOps.Core.Registry;
using MLOps.FunctionsApp.Tests.Support;
using MLOps.FunctionsApp.Triggers;
using Moq;

namespace MLOps.FunctionsApp.Tests;

public sealed class EventGridWebhookFunctionTests
{
    [Fact]
    public async Task SubscriptionValidationIsAnsweredWithTheCode()
    {
        using var harness = new TriggerHarness();
        const string body = """
            [{
              "id": "2d1781af-3a4c-4d7c-bd0c-e34b19da4e66",
              "topic": "/subscriptions/x/resourceGroups/y/providers/Microsoft.EventGrid/topics/mlops",
              "subject": "",
              "data": { "validationCode": "512d38b6-c7b8-40c8-89fe-f46f9e9622b6" },
              "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
              "eventTime": "2025-01-01T10:00:00Z",
              "dataVersion": "1"
            }]
            """;
        HttpRequest request = harness.Request("POST", "/api/events", ApiKeys.Platform, body);

        IResult result = await harness.Create<EventGridWebhookFunction>().ReceiveAsync(request, harness.Durable.Client);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", response.Json.GetProperty("validationResponse").GetString());
        harness.Durable.VerifyNothingScheduled();
    }

    [Fact]
    public async Task CloudEventsHandshakeAllowsTheOrigin()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("OPTIONS", "/api/events");
        request.Headers["WebHook-Request-Origin"] = "eventgrid.azure.net";

        IResult result = EventGridWebhookFunction.Handshake(request);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("eventgrid.azure.net", response.Headers["WebHook-Allowed-Origin"].ToString());
    }

    [Fact]
    public async Task DeliveryWithoutKeyIs401()
    {
        using var harness = new TriggerHarness();
        HttpRequest request = harness.Request("POST", "/api/events", apiKey: null, "[]");

        IResult result = await harness.Create<EventGridWebhookFunction>().ReceiveAsync(request, harness.Durable.Client);
        ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);

        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ModelRegisteredStartsContinuousIntegrationOnceWithoutAnyRouteConfigured()
    {
        // The registry's event data as the Event Grid client serialises ModelRegisteredEvent (its default options: PascalCase).
        string data = System.Text.Json.JsonSerializer.Serialize(new ModelRegisteredEvent("credit", "credit-model", 3));
        string body = $$"""
            [{
              "id": "registry/credit/credit-model/v3/registered",
              "subject": "projects/credit/models/credit-model/versions/3",
              "data": {{data}},
              "eventType": "MLOps.Registry.ModelRegistered",
              "eventTime": "2025-01-01T10:00:00Z",
              "dataVersion": "1.0"
            }]
            """;
        var admitted = new List<object>();
        using var harness = new TriggerHarness(replace: services =>
        {
            // The real door check reads the registry in storage; here every version counts as committed.
            services.RemoveAll<IAdmissionCheck>();
            services.AddSingleton<IAdmissionCheck>(new AdmitAll(admitted));
        });

        foreach (int delivery in new[] { 1, 2 })
        {
            HttpRequest request = harness.Request("POST", "/api/events", ApiKeys.Platform, body);
            IResult result = await harness.Create<EventGridWebhookFunction>().ReceiveAsync(request, harness.Durable.Client);
            ExecutedResponse response = await TriggerHarness.ExecuteAsync(result, request);
            Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        }

        harness.Durable.VerifyScheduled(OrchestratorNames.ContinuousIntegration, o => o?.InstanceId?.StartsWith(InstanceIds.EventPrefix, StringComparison.Ordinal) == true, Times.Once());
        Assert.Equal(2, admitted.Count);
        Assert.All(admitted, input => Assert.Equal(new ContinuousIntegrationRequest("credit", "credit-model", 3), input));
    }

    private sealed class AdmitAll(List<object> admitted) : IAdmissionCheck
    {
        public Type InputType => typeof(ContinuousIntegrationRequest);

        public Task<IReadOnlyList<string>> CheckAsync(object input, CancellationToken cancellationToken = default)
        {
            admitted.Add(input);
            return Task.FromResult<IReadOnlyList<string>>([]);
        }
    }
}
