using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace MLOps.Triggers.Http;

/// <summary>An instance's status in the shape of the Durable Functions status query.</summary>
public sealed record InstanceStatus(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    JsonElement? Input,
    JsonElement? CustomStatus,
    JsonElement? Output,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    InstanceFailure? FailureDetails)
{
    public static InstanceStatus From(OrchestrationMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        bool failed = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed;
        return new InstanceStatus(
            metadata.Name,
            metadata.InstanceId,
            metadata.RuntimeStatus.ToString(),
            Parse(metadata.SerializedInput),
            Parse(metadata.SerializedCustomStatus),
            failed ? null : Parse(metadata.SerializedOutput),
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            metadata.FailureDetails is { } f ? new InstanceFailure(f.ErrorType, f.ErrorMessage) : null);
    }

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Terminate reasons and some failure outputs are plain text.
            return JsonSerializer.SerializeToElement(json);
        }
    }
}

public sealed record InstanceFailure(string ErrorType, string ErrorMessage);
