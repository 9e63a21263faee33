using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MLOps.Triggers.EventGrid;

namespace MLOps.FunctionsApp.Triggers;

/// <summary>
/// <c>/api/events</c>, the Event Grid webhook: OPTIONS answers the CloudEvents handshake, POST takes deliveries
/// (and the Event Grid schema's SubscriptionValidation handshake).
/// </summary>
public sealed class EventGridWebhookFunction(EventGridWebhook webhook)
{
    [Function("EventGridHandshake")]
    public static IResult Handshake(
        [HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = "events")] HttpRequest request) =>
        EventGridWebhook.Handshake(request);

    [Function("EventGridReceive")]
    public Task<IResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "events")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        webhook.ReceiveAsync(request, client);
}
