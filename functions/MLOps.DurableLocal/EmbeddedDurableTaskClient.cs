using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.History;
using DurableTask.Core.Query;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Core = DurableTask.Core;
using CorePurgeResult = DurableTask.Core.PurgeResult;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace MLOps.DurableLocal;

/// <summary>
/// The Microsoft.DurableTask client API over a DTFx <see cref="IOrchestrationServiceClient"/>, so trigger code is
/// the same against the embedded engine and the Azure Functions Durable extension. Payloads are serialized with
/// the same System.Text.Json converter the worker shims use.
/// </summary>
public sealed class EmbeddedDurableTaskClient(string name, IOrchestrationServiceClient client, DataConverter? converter = null)
    : DurableTaskClient(name)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly DataConverter converter = converter ?? JsonDataConverter.Default;

    public override ValueTask DisposeAsync() => default;

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        string instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var tags = options?.Tags?.ToDictionary(t => t.Key, t => t.Value) ?? [];
        tags[OrchestrationTags.RequestTime] = DateTimeOffset.UtcNow.ToString(CultureInfo.InvariantCulture);

        var message = new TaskMessage
        {
            OrchestrationInstance = instance,
            Event = new ExecutionStartedEvent(-1, this.converter.Serialize(input))
            {
                Name = orchestratorName.Name,
                Version = options?.Version ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = options?.StartAt?.UtcDateTime,
                Tags = tags,
            },
        };

        Core.OrchestrationStatus[]? dedupe = options?.DedupeStatuses?
            .Select(s => Enum.Parse<Core.OrchestrationStatus>(s, ignoreCase: true))
            .ToArray();
        try
        {
            await client.CreateTaskOrchestrationAsync(message, dedupe);
        }
        catch (OrchestrationAlreadyExistsException ex)
        {
            throw new InvalidOperationException($"An orchestration with instance ID '{instanceId}' already exists.", ex);
        }

        return instanceId;
    }

    public override Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        this.SendAsync(instanceId, new EventRaisedEvent(-1, this.converter.Serialize(eventPayload)) { Name = eventName });

    public override Task TerminateInstanceAsync(
        string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        client.ForceTerminateTaskOrchestrationAsync(instanceId, this.converter.Serialize(options?.Output));

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        this.SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        this.SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        IList<OrchestrationState>? states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        // The Azure Storage backend answers an unknown id with a list holding one null.
        return states is { Count: > 0 } && states[0] is { } state ? this.ToMetadata(state, getInputsAndOutputs) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var queries = client as IOrchestrationServiceQueryClient
            ?? throw new NotSupportedException("The orchestration backend cannot list instances.");
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new Core.Query.OrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => Enum.Parse<Core.OrchestrationStatus>(s.ToString())).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            OrchestrationQueryResult result = await queries.GetOrchestrationWithQueryAsync(query, cancellation);
            var page = result.OrchestrationState.Select(s => this.ToMetadata(s, query.FetchInputsAndOutputs)).ToList();
            return new Page<OrchestrationMetadata>(page, result.ContinuationToken);
        });
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            OrchestrationMetadata metadata = await this.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"No orchestration with instance ID '{instanceId}' exists.");
            if (metadata.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
            {
                return metadata;
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        // Polling the instance table is what the Azure Storage backend's own wait does, with a cancellable delay.
        while (true)
        {
            OrchestrationMetadata? metadata = await this.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);
            if (metadata is { IsCompleted: true })
            {
                return metadata;
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    public override async Task<PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        OrchestrationMetadata? metadata = await this.GetInstancesAsync(instanceId, false, cancellation);
        if (metadata is null)
        {
            return new PurgeResult(0);
        }

        if (!metadata.IsCompleted)
        {
            throw new InvalidOperationException(
                $"Instance '{instanceId}' is {metadata.RuntimeStatus}; only completed, failed or terminated instances can be purged.");
        }

        CorePurgeResult result = await this.PurgeClient.PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var coreFilter = new Core.PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(s => Enum.Parse<Core.OrchestrationStatus>(s.ToString())));
        CorePurgeResult result = await this.PurgeClient.PurgeInstanceStateAsync(coreFilter);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    private IOrchestrationServicePurgeClient PurgeClient => client as IOrchestrationServicePurgeClient
        ?? throw new NotSupportedException("The orchestration backend cannot purge instances.");

    private Task SendAsync(string instanceId, HistoryEvent @event) =>
        client.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = @event,
        });

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool withPayloads)
    {
        var status = Enum.Parse<OrchestrationRuntimeStatus>(state.OrchestrationStatus.ToString());
        return new OrchestrationMetadata(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = withPayloads ? this.converter : null,
            RuntimeStatus = status,
            CreatedAt = state.CreatedTime,
            LastUpdatedAt = state.LastUpdatedTime,
            SerializedInput = state.Input,
            SerializedOutput = state.Output,
            SerializedCustomStatus = state.Status,
            FailureDetails = status == OrchestrationRuntimeStatus.Failed ? ReadFailure(state) : null,
        };
    }

    // The Azure Storage backend leaves FailureDetails empty and stores "ErrorType: message" as the output.
    private static TaskFailureDetails ReadFailure(OrchestrationState state)
    {
        if (state.FailureDetails is { } details)
        {
            return new TaskFailureDetails(details.ErrorType, details.ErrorMessage, details.StackTrace, null, null);
        }

        string output = state.Output ?? string.Empty;
        int colon = output.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !output[..colon].Contains(' ', StringComparison.Ordinal)
            ? new TaskFailureDetails(output[..colon], output[(colon + 2)..], null, null, null)
            : new TaskFailureDetails("OrchestrationFailed", output, null, null, null);
    }
}
