using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MLOps.Core.Delivery;
using MLOps.Core.Events;
using MLOps.Core.Landing;
using MLOps.Core.Naming;
using MLOps.Core.Pipelines;
using MLOps.Core.Projects;
using MLOps.Core.Security;
using MLOps.Core.Storage;
using MLOps.Triggers.Http;
using MLOps.Triggers.Landing;
using MLOps.Triggers.Launching;

namespace MLOps.Triggers.EventGrid;

/// <summary>
/// <c>/api/events</c>: the Event Grid webhook. Answers both validation handshakes, accepts the Event Grid schema
/// and CloudEvents 1.0, routes each event by type to a pipeline, and ignores redeliveries: the instance id is
/// derived from the event's source and id (Event Grid delivers at least once), and only one of concurrent
/// deliveries starts the run. A delivery with a malformed or refused event is a 400 naming each one
/// (<c>events[i].field</c>); its good events still run, once: Event Grid does not redeliver after a 400.
/// <c>PackageBuilt</c> starts continuous deployment only when the project's spec names a deployment strategy, onto
/// the <see cref="DeliveryOptions"/> endpoint(s); a start refused because a run is in flight there is reported.
/// </summary>
public sealed class EventGridWebhook(
    IOptions<EventGridOptions> options,
    IOptions<HttpApiOptions> httpOptions,
    PipelineCatalog catalog,
    PipelineLauncher launcher,
    PipelineInputReader inputs,
    LandingTrigger landing,
    RequestGuard guard,
    IProjectGatesSource projects,
    IOptions<DeliveryOptions> delivery)
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

        (IReadOnlyList<IncomingEvent> events, IReadOnlyList<string> malformed) = EventDelivery.Parse(body, request.ContentType);
        if (events.Count == 0)
        {
            return Problems.BadRequest("The body is neither Event Grid events nor CloudEvents.", malformed);
        }

        if (malformed.Count == 0 && events.FirstOrDefault(e => e.ValidationCode is not null) is { } validation)
        {
            return Results.Ok(new { validationResponse = validation.ValidationCode });
        }

        var receipt = new EventReceipt();
        foreach (IncomingEvent incoming in events)
        {
            await this.RouteAsync(incoming, client, caller, receipt, request.HttpContext.RequestAborted);
        }

        if (malformed.Count == 0 && receipt.Rejected.Count == 0)
        {
            return Results.Ok(receipt);
        }

        return Problems.BadRequest(
            "Some events of the delivery are malformed or were refused; the others were handled as the receipt says.",
            [.. malformed, .. receipt.Rejected.Select(r => r.Reason!)],
            new Dictionary<string, object?> { ["receipt"] = receipt });
    }

    private async Task RouteAsync(
        IncomingEvent incoming, DurableTaskClient client, CallerIdentity caller, EventReceipt receipt, CancellationToken cancellationToken)
    {
        // A registered spec releases the project's newest waiting landed file; any other completion routes as configured.
        if (incoming.Type == PlatformEventTypes.PipelineCompleted
            && await landing.OnPipelineCompletedAsync(incoming.Data?.ToJsonString(), client, caller, cancellationToken) is { Start: { } released })
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

        if (incoming.Type == PlatformEventTypes.PackageBuilt && pipeline.Name == PipelineNames.ContinuousDeployment)
        {
            await this.RoutePackageBuiltAsync(incoming, pipeline, client, caller, receipt, cancellationToken);
            return;
        }

        (object? input, IReadOnlyList<string> problems) = await inputs.ReadAsync(pipeline, incoming.Data, $"{incoming.Path}.data", cancellationToken);
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
        LandingBlob? blob = ReadBlobCreated(incoming.Data, $"{incoming.Path}.data", out string? problem);
        LandingOutcome? outcome = blob is null ? null : await landing.OnBlobCreatedAsync(blob, client, "eventgrid", caller, cancellationToken);
        if (outcome?.Start is { } start)
        {
            receipt.Add(incoming, start);
            return;
        }

        string reason = problem ?? $"{incoming.Path}: {string.Join("; ", outcome!.Problems)}";
        receipt.Rejected.Add(new EventResult(incoming.Id, incoming.Type, PipelineNames.DataEngineering, null, reason));
    }

    /// <summary>A passed build's package goes out the way its project's spec asks; a spec without a deployment strategy deploys nothing.</summary>
    private async Task RoutePackageBuiltAsync(
        IncomingEvent incoming, PipelineDefinition pipeline, DurableTaskClient client, CallerIdentity caller, EventReceipt receipt, CancellationToken cancellationToken)
    {
        string path = $"{incoming.Path}.data";
        if (ReadBuilt(incoming.Data, path, out string? problem) is not { } built)
        {
            receipt.Rejected.Add(new EventResult(incoming.Id, incoming.Type, pipeline.Name, null, problem));
            return;
        }

        if (NameRules.Project.Problem("project", built.Project) is { } badProject)
        {
            receipt.Rejected.Add(new EventResult(incoming.Id, incoming.Type, pipeline.Name, null, $"{path}.{badProject}"));
            return;
        }

        if (await projects.GetGatesAsync(built.Project, cancellationToken) is not { Deployment.Count: > 0 })
        {
            receipt.Ignored.Add(new EventResult(incoming.Id, incoming.Type, pipeline.Name, null, $"the spec of project '{built.Project}' names no deployment strategy"));
            return;
        }

        var request = new DeploymentRequest(
            built.Project, Package: built.Digest, Endpoint: delivery.Value.Endpoint, PromoteTo: delivery.Value.PromoteTo,
            Source: $"PackageBuilt of {built.Model} v{built.Version} (build {built.BuildId})");
        IReadOnlyList<string> invalid = request.Validate();
        (object? input, IReadOnlyList<string> refused) = invalid.Count > 0 ? (null, invalid) : await inputs.AdmitAsync(request, string.Empty, cancellationToken);
        if (input is null)
        {
            receipt.Rejected.Add(new EventResult(incoming.Id, incoming.Type, pipeline.Name, null, $"{incoming.Path}: {string.Join("; ", refused)}"));
            return;
        }

        receipt.Add(incoming, await launcher.StartAsync(client, pipeline, input, InstanceIdFor(incoming), caller, "eventgrid", cancellationToken));
    }

    /// <summary>The fields of a <c>BuildEvent</c> a deployment needs; its other fields (checks, figures) are not read.</summary>
    private static BuiltPackage? ReadBuilt(JsonNode? data, string path, out string? problem)
    {
        if (data is not JsonObject root)
        {
            problem = $"{path}: must be the build record (project, model, version, digest, buildId, passed)";
            return null;
        }

        // The platform's publisher serialises the record with the Event Grid client's defaults (PascalCase).
        JsonNode? Member(string name) => root.FirstOrDefault(m => string.Equals(m.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        var problems = new List<string>();
        string? Text(string name)
        {
            if (Member(name) is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 and <= EventDelivery.MaxFieldLength } text)
            {
                return text;
            }

            problems.Add($"{path}.{name}: must be a non-empty string of at most {EventDelivery.MaxFieldLength} characters");
            return null;
        }

        (string? project, string? model, string? digest, string? buildId) = (Text("project"), Text("model"), Text("digest"), Text("buildId"));
        int version = Member("version") is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.TryGetValue(out int number) && number >= 1 ? number : 0;
        if (version == 0)
        {
            problems.Add($"{path}.version: must be a version number from 1");
        }

        if (Member("passed") is not JsonValue passed || passed.GetValueKind() != JsonValueKind.True)
        {
            problems.Add($"{path}.passed: must be true (a failed build is never deployed)");
        }

        problem = problems.Count == 0 ? null : string.Join("; ", problems);
        return problem is null ? new BuiltPackage(project!, model!, version, digest!, buildId!) : null;
    }

    private sealed record BuiltPackage(string Project, string Model, int Version, string Digest, string BuildId);

    // Microsoft.Storage.BlobCreated data: { "url": ..., "eTag": ..., "contentLength": ... } in both schemas.
    private static LandingBlob? ReadBlobCreated(JsonNode? data, string path, out string? problem)
    {
        if (data is not JsonObject root)
        {
            problem = $"{path}: must be an object with the blob's url";
            return null;
        }

        if (root["url"] is not JsonValue url || url.GetValueKind() != JsonValueKind.String || !Uri.TryCreate(url.GetValue<string>(), UriKind.Absolute, out Uri? uri))
        {
            problem = $"{path}.url: must be the blob's absolute URL";
            return null;
        }

        string? etag = null;
        if (root["eTag"] is { } e && (e is not JsonValue ev || ev.GetValueKind() != JsonValueKind.String || (etag = ev.GetValue<string>()).Length > EventDelivery.MaxIdLength))
        {
            problem = $"{path}.eTag: must be a string of at most {EventDelivery.MaxIdLength} characters";
            return null;
        }

        long? length = null;
        if (root["contentLength"] is { } l)
        {
            if (l is not JsonValue lv || lv.GetValueKind() != JsonValueKind.Number || !lv.TryGetValue(out long n) || n < 0)
            {
                problem = $"{path}.contentLength: must be a whole number of bytes";
                return null;
            }

            length = n;
        }

        LandingBlob? blob = ToLandingBlob(uri, etag, length);
        problem = blob is null ? $"{path}.url: names no blob in the '{BlobContainers.Landing}' container" : null;
        return blob;
    }

    /// <summary>Container and blob name from a blob URL, for both Azure (host/container/blob) and Azurite (host/account/container/blob).</summary>
    internal static LandingBlob? ToLandingBlob(Uri url, string? etag, long? length)
    {
        // Azurite and other emulators address blobs path-style, with the account name as the first segment.
        int containerIndex = url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || url.IsLoopback ? 1 : 0;
        string[] segments = Uri.UnescapeDataString(url.AbsolutePath).TrimStart('/').Split('/', containerIndex + 2);
        if (segments.Length != containerIndex + 2 || segments[containerIndex] != BlobContainers.Landing)
        {
            return null;
        }

        string name = segments[^1];
        return name.Length == 0 ? null : new LandingBlob(BlobContainers.Landing, name, etag ?? string.Empty, length);
    }

    internal static string InstanceIdFor(IncomingEvent incoming)
    {
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{incoming.Source}|{incoming.Id}"));
        return $"{InstanceIds.EventPrefix}{Convert.ToHexStringLower(digest)[..24]}";
    }
}
