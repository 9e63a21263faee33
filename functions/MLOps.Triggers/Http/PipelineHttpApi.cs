using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MLOps.Core.Audit;
using MLOps.Core.Json;
using MLOps.Core.Pipelines;
using MLOps.Core.Security;
using MLOps.Triggers.Launching;

namespace MLOps.Triggers.Http;

/// <summary>
/// The pipeline and instance routes, shared by both hosts:
/// <c>GET /api/pipelines</c>, <c>POST /api/pipelines/{pipeline}</c>, <c>GET /api/instances[/{id}]</c>,
/// <c>POST /api/instances/{id}/raiseEvent/{event}</c>, <c>POST /api/instances/{id}/terminate</c>,
/// <c>DELETE /api/instances/{id}</c>.
/// </summary>
public sealed class PipelineHttpApi(
    PipelineCatalog catalog,
    PipelineLauncher launcher,
    PipelineInputReader inputs,
    RequestGuard guard,
    IAuditLog audit,
    IOptions<HttpApiOptions> options)
{
    private const int MaxListSize = 1000;

    public IResult ListPipelines(HttpRequest request)
    {
        if (!guard.TryAuthorize(request, Permission.ReadInstances, out _, out IResult? denied))
        {
            return denied;
        }

        return Results.Ok(catalog.All.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new
        {
            p.Name,
            p.Description,
            StartRoles = p.StartRoles.Select(r => r.ToString()).Order(StringComparer.Ordinal),
            Events = (p.Events?.Keys ?? []).Order(StringComparer.Ordinal),
        }));
    }

    public async Task<IResult> StartAsync(HttpRequest request, string pipelineName, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!catalog.TryGet(pipelineName, out PipelineDefinition? pipeline))
        {
            return Problems.NotFound($"There is no pipeline named '{pipelineName}'. Known: {string.Join(", ", catalog.All.Select(p => p.Name))}.");
        }

        if (!guard.TryAuthorizeStart(request, pipeline, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        string? body = await BodyReader.ReadAsync(request, options.Value.MaxBodyBytes, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return Problems.TooLarge(options.Value.MaxBodyBytes);
        }

        (object? input, IReadOnlyList<string> problems) = await inputs.ReadAsync(pipeline, body, request.HttpContext.RequestAborted);
        if (input is null)
        {
            return Problems.BadRequest($"The input of pipeline '{pipeline.Name}' is not valid.", problems);
        }

        // The request gate has checked a caller-chosen id against the reserved ones.
        string? instanceId = request.Query[RequestValues.InstanceIdParameter];
        StartOutcome outcome = await launcher.StartAsync(
            client, pipeline, input, string.IsNullOrEmpty(instanceId) ? null : instanceId, caller, "http", request.HttpContext.RequestAborted);
        if (outcome.Duplicate)
        {
            return Problems.Conflict($"Instance '{outcome.InstanceId}' already exists.");
        }

        if (outcome.Busy is { } busy)
        {
            return Problems.Busy(pipeline.Name, busy);
        }

        ManagementUrls urls = ManagementUrls.For(request, pipeline.Name, outcome.InstanceId, duplicate: false);
        return Results.Accepted(urls.StatusQueryGetUri, urls);
    }

    public async Task<IResult> GetStatusAsync(HttpRequest request, string instanceId, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!guard.TryAuthorize(request, Permission.ReadInstances, out _, out IResult? denied))
        {
            return denied;
        }

        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, request.HttpContext.RequestAborted);
        if (metadata is null)
        {
            return Problems.NotFound($"There is no instance '{instanceId}'.");
        }

        InstanceStatus status = InstanceStatus.From(metadata);
        return metadata.IsCompleted ? Results.Ok(status) : Results.Json(status, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>Lists instances; filters: <c>status</c> (repeatable), <c>pipeline</c>, <c>createdFrom</c>, <c>createdTo</c>, <c>top</c>.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (!guard.TryAuthorize(request, Permission.ReadInstances, out _, out IResult? denied))
        {
            return denied;
        }

        var problems = new List<string>();
        var statuses = new List<OrchestrationRuntimeStatus>();
        foreach (string? value in request.Query["status"])
        {
            // Names only: Enum.TryParse would take "99" as a status.
            if (JsonEnumNames.TryParse(typeof(OrchestrationRuntimeStatus), value, ignoreCase: true, out object? status))
            {
                statuses.Add((OrchestrationRuntimeStatus)status!);
            }
            else
            {
                problems.Add($"status '{value}' is not one of {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}");
            }
        }

        DateTimeOffset? from = ParseTime(request.Query["createdFrom"], "createdFrom", problems);
        DateTimeOffset? to = ParseTime(request.Query["createdTo"], "createdTo", problems);
        int top = 100;
        if (request.Query.TryGetValue("top", out var topText) &&
            (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > MaxListSize))
        {
            problems.Add($"top must be a whole number from 1 to {MaxListSize}");
        }

        string? pipelineName = request.Query["pipeline"];
        PipelineDefinition? pipeline = null;
        if (!string.IsNullOrEmpty(pipelineName) && !catalog.TryGet(pipelineName, out pipeline))
        {
            problems.Add($"there is no pipeline named '{pipelineName}'");
        }

        if (problems.Count > 0)
        {
            return Problems.BadRequest("The instance query is not valid.", problems);
        }

        var query = new OrchestrationQuery
        {
            Statuses = statuses.Count > 0 ? statuses : null,
            CreatedFrom = from,
            CreatedTo = to,
            PageSize = Math.Min(top, 100),
        };
        var found = new List<InstanceStatus>();
        await foreach (OrchestrationMetadata metadata in client.GetAllInstancesAsync(query).WithCancellation(request.HttpContext.RequestAborted))
        {
            if (pipeline is null || metadata.Name == pipeline.Orchestrator)
            {
                found.Add(InstanceStatus.From(metadata));
                if (found.Count == top)
                {
                    break;
                }
            }
        }

        return Results.Ok(found);
    }

    /// <summary>
    /// Sends an event to a running instance, checked against what its pipeline waits for (the catalog's events and
    /// their payload contracts): an unknown event or a malformed payload is a 400 at once, not a run that fails
    /// later saying no approval arrived.
    /// </summary>
    public async Task<IResult> RaiseEventAsync(HttpRequest request, string instanceId, string eventName, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (!guard.TryAuthorize(request, Permission.RaiseEvent, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        string? body = await BodyReader.ReadAsync(request, options.Value.MaxBodyBytes, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return Problems.TooLarge(options.Value.MaxBodyBytes);
        }

        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, request.HttpContext.RequestAborted);
        if (RequireRunning(metadata, instanceId) is { } problem)
        {
            return problem;
        }

        PipelineDefinition? pipeline = catalog.ForOrchestrator(metadata!.Name);
        if (pipeline is null || !pipeline.TryGetEvent(eventName, out string name, out Type payloadType))
        {
            string known = pipeline?.Events is { Count: > 0 } events ? $"it accepts: {string.Join(", ", events.Keys)}" : "it accepts no events";
            return Problems.BadRequest($"Instance '{instanceId}' waits for no event named '{eventName}'; {known}.");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return Problems.BadRequest($"The '{name}' event needs a payload (a JSON object).");
        }

        object? payload = StrictJson.Read(body, payloadType, out IReadOnlyList<string> problems);
        if (payload is IValidatable validatable)
        {
            problems = validatable.Validate();
        }

        if (problems.Count > 0)
        {
            return Problems.BadRequest($"The '{name}' event payload is not valid.", problems);
        }

        await client.RaiseEventAsync(instanceId, name, payload, request.HttpContext.RequestAborted);
        await audit.AppendAsync(
            new AuditEntry(caller.Principal, "instance.raiseEvent", $"{instanceId}/{name}", AuditHashing.Sha256(body), "sent"),
            request.HttpContext.RequestAborted);
        return Results.Accepted();
    }

    public async Task<IResult> TerminateAsync(HttpRequest request, string instanceId, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (!guard.TryAuthorize(request, Permission.TerminateInstance, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        if (await RequireRunningAsync(client, instanceId, request.HttpContext.RequestAborted) is { } problem)
        {
            return problem;
        }

        string reason = request.Query["reason"].ToString() is { Length: > 0 } r ? r : $"terminated by {caller.Principal}";
        await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(reason), request.HttpContext.RequestAborted);
        await audit.AppendAsync(
            new AuditEntry(caller.Principal, "instance.terminate", instanceId, AuditHashing.Sha256(reason), "requested"),
            request.HttpContext.RequestAborted);
        return Results.Accepted();
    }

    public async Task<IResult> PurgeAsync(HttpRequest request, string instanceId, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (!guard.TryAuthorize(request, Permission.PurgeInstance, out CallerIdentity? caller, out IResult? denied))
        {
            return denied;
        }

        OrchestrationMetadata? metadata = await client.GetInstanceAsync(instanceId, request.HttpContext.RequestAborted);
        if (metadata is null)
        {
            return Problems.NotFound($"There is no instance '{instanceId}'.");
        }

        if (!metadata.IsCompleted)
        {
            return Problems.Conflict($"Instance '{instanceId}' is {metadata.RuntimeStatus}; terminate it or let it finish before purging.");
        }

        PurgeResult result = await client.PurgeInstanceAsync(instanceId, cancellation: request.HttpContext.RequestAborted);
        await audit.AppendAsync(
            new AuditEntry(caller.Principal, "instance.purge", instanceId, null, $"purged {result.PurgedInstanceCount}"),
            request.HttpContext.RequestAborted);
        return Results.Ok(new { instanceId, purged = result.PurgedInstanceCount });
    }

    private static async Task<IResult?> RequireRunningAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken) =>
        RequireRunning(await client.GetInstanceAsync(instanceId, cancellationToken), instanceId);

    private static IResult? RequireRunning(OrchestrationMetadata? metadata, string instanceId) =>
        metadata is null ? Problems.NotFound($"There is no instance '{instanceId}'.")
        : metadata.IsCompleted ? Problems.Conflict($"Instance '{instanceId}' has already finished ({metadata.RuntimeStatus}).")
        : null;

    private static DateTimeOffset? ParseTime(string? text, string name, List<string> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value))
        {
            return value;
        }

        problems.Add($"{name} '{text}' is not an ISO 8601 time");
        return null;
    }
}
