using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace MLOps.Orchestrations;

/// <summary>
/// The serializer of orchestration inputs, outputs, events and custom status in both hosts: JSON web defaults
/// (camelCase, case-insensitive) with enums as names, the same shape the HTTP API speaks.
/// </summary>
public static class PlatformDataConverter
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static DataConverter Instance { get; } = new JsonDataConverter(JsonOptions);
}
