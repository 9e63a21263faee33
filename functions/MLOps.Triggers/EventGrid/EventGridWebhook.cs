using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MLOps.Core.Events;
using MLOps.Core.Landing;
using MLOps.Core.Pipelines;
using MLOps.Core.Security;
using MLOps.Triggers.Http;
using MLOps.Triggers.Landing;
using MLOps.Triggers.Launching;

namespace MLOps.Triggers.EventGrid;

/// <summary>
/// <c>/api/events</c>: the Event Grid webhook. Answers both validation handshakes, accepts the Event Grid schema
/// and CloudEvents 1.0, routes each event by type to a pipeline, and ignores redeliveries: the instance id is
/// derived from the event's source and id (Event Grid delivers at least once).
/// </summary>
public sealed class EventGridWebhook(
    IOptions<EventGridOptions> options,
    IOptions<HttpApiOptions> httpOptions,
    PipelineCatalog catalog,
    PipelineLauncher launcher,
    LandingTrigger landing,
    RequestGuard guard)
{
    /// <summary>The CloudEvents abuse-protection handshake (HTTP OPTIONS).</summary>
    public static IResult Handshake(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string origin = request.Headers["WebHook-Request-Origin"].ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return Problems.BadRequest("The 'WebHook-Request-Origin' header is required.");
        }

        request.HttpContext.Response.Headers["WebHook-Allowed-Origin"] = origin;
        request.HttpContext.Response.Headers["WebHook-Allowed-Rate"] = "*";
        return Results.Ok();
    }

    public async Task<IResult> ReceiveAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!guard.TryAuthorize(request, Permission.DeliverEvents, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        string? body = await BodyReader.ReadAsync(request, httpOptions.Value.MaxBodyBytes, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return Problems.TooLarge(httpOptions.Value.MaxBodyBytes);
        }

        IReadOnlyList<IncomingEvent> events;
        try
        {
            events = Parse(body, request.ContentType);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException)
        {
            return Problems.BadRequest($"The body is neither Event Grid events nor CloudEvents: {ex.Message}");
        }

        if (events.FirstOrDefault(e => e.ValidationCode is not null) is { } validation)
        {
            return Results.Ok(new { validationResponse = validation.ValidationCode });
        }

        var receipt = new EventReceipt();
        foreach (IncomingEvent incoming in events)
        {
            await this.RouteAsync(incoming, client, caller, receipt, request.HttpContext.RequestAborted);
        }

        return Results.Ok(receipt);
    }

    private async Task RouteAsync(
        IncomingEvent incoming, DurableTaskClient client, CallerIdentity caller, EventReceipt receipt, CancellationToken cancellationToken)
    {
        // A registered spec releases the project's newest waiting landed file; any other completion routes as configured.
        if (incoming.Type == PlatformEventTypes.PipelineCompleted
            && await landing.OnPipelineCompletedAsync(incoming.DataJson, client, caller, cancellationToken) is { Start: { } released })
        {
            receipt.Add(incoming, released);
            return;
        }

        if (!options.Value.Routes.TryGetValue(incoming.Type, out string? pipelineName) || !catalog.TryGet(pipelineName, out PipelineDefinition? pipeline))
        {
            receipt.Ignored.Add(new EventResult(incoming.Id, incoming.Type, null, null, "no route for this event type"));
            return;
        }

        if (incoming.Type == PlatformEventTypes.BlobCreated && pipeline.Name == PipelineNames.DataEngineering)
        {
            await this.RouteBlobCreatedAsync(incoming, client, caller, receipt, cancellationToken);
            return;
        }

        object? input = PipelineInputParser.Parse(pipeline, incoming.DataJson, out IReadOnlyList<string> problems);
        if (input is null)
        {
            receipt.Rejected.Add(new EventResult(incoming.Id, incoming.Type, pipeline.Name, null, string.Join("; ", problems)));
            return;
        }

        StartOutcome outcome = await launcher.StartAsync(
            client, pipeline, input, InstanceIdFor(incoming), caller, "eventgrid", cancellationToken);
        receipt.Add(incoming, outcome);
    }

    private async Task RouteBlobCreatedAsync(
        IncomingEvent incoming, DurableTaskClient client, CallerIdentity caller, EventReceipt receipt, CancellationToken cancellationToken)
    {
        LandingBlob? blob = ReadBlobCreated(incoming.DataJson);
        if (blob is null)
        {
            receipt.Rejected.Add(new EventResult(incoming.Id, incoming.Type, PipelineNames.DataEngineering, null, $"not a blob in the '{Core.Storage.BlobContainers.Landing}' container"));
            return;
        }

        LandingOutcome outcome = await landing.OnBlobCreatedAsync(blob, client, "eventgrid", caller, cancellationToken);
        if (outcome.Start is null)
        {
            receipt.Rejected.Add(new EventResult(incoming.Id, incoming.Type, PipelineNames.DataEngineering, null, string.Join("; ", outcome.Problems)));
        }
        else
        {
            receipt.Add(incoming, outcome.Start);
        }
    }

    // Microsoft.Storage.BlobCreated data: { "url": ..., "eTag": ..., "contentLength": ... } in both schemas.
    private static LandingBlob? ReadBlobCreated(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("url", out JsonElement url)
            || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out Uri? uri))
        {
            return null;
        }

        string? etag = root.TryGetProperty("eTag", out JsonElement e) ? e.GetString() : null;
        long? length = root.TryGetProperty("contentLength", out JsonElement l) && l.TryGetInt64(out long n) ? n : null;
        return ToLandingBlob(uri, etag, length);
    }

    /// <summary>Container and blob name from a blob URL, for both Azure (host/container/blob) and Azurite (host/account/container/blob).</summary>
    internal static LandingBlob? ToLandingBlob(Uri url, string? etag, long? length)
    {
        // Azurite and other emulators address blobs path-style, with the account name as the first segment.
        int containerIndex = url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || url.IsLoopback ? 1 : 0;
        string[] segments = Uri.UnescapeDataString(url.AbsolutePath).TrimStart('/').Split('/', containerIndex + 2);
        if (segments.Length != containerIndex + 2 || segments[containerIndex] != Core.Storage.BlobContainers.Landing)
        {
            return null;
        }

        string name = segments[^1];
        return name.Length == 0 ? null : new LandingBlob(Core.Storage.BlobContainers.Landing, name, etag ?? string.Empty, length);
    }

    internal static string InstanceIdFor(IncomingEvent incoming)
    {
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{incoming.Source}|{incoming.Id}"));
        return $"event-{Convert.ToHexStringLower(digest)[..24]}";
    }

    internal static IReadOnlyList<IncomingEvent> Parse(string body, string? contentType)
    {
        var data = BinaryData.FromString(body);
        bool cloudEvents = contentType?.Contains("cloudevents", StringComparison.OrdinalIgnoreCase) == true
            || body.Contains("\"specversion\"", StringComparison.OrdinalIgnoreCase);
        if (cloudEvents)
        {
            return CloudEvent.ParseMany(data, skipValidation: false)
                .Select(e => new IncomingEvent(e.Id, e.Source, e.Type, e.Data?.ToString(), null))
                .ToList();
        }

        return EventGridEvent.ParseMany(data).Select(e =>
        {
            string? code = e.TryGetSystemEventData(out object? system) && system is SubscriptionValidationEventData validation
                ? validation.ValidationCode
                : null;
            return new IncomingEvent(e.Id, e.Topic ?? e.Subject, e.EventType, e.Data?.ToString(), code);
        }).ToList();
    }
}

/// <summary>An event of either schema, reduced to what routing needs.</summary>
public sealed record IncomingEvent(string Id, string Source, string Type, string? DataJson, string? ValidationCode);

public sealed record EventResult(string EventId, string Type, string? Pipeline, string? InstanceId, string? Reason = null);

/// <summary>What the webhook did with each event of a delivery.</summary>
public sealed class EventReceipt
{
    public List<EventResult> Accepted { get; } = [];

    public List<EventResult> Duplicates { get; } = [];

    public List<EventResult> Ignored { get; } = [];

    public List<EventResult> Rejected { get; } = [];

    internal void Add(IncomingEvent incoming, StartOutcome outcome) =>
        (outcome.Duplicate ? this.Duplicates : this.Accepted).Add(
            new EventResult(incoming.Id, incoming.Type, outcome.Pipeline.Name, outcome.InstanceId));
}
