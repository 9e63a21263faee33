using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using MLOps.Core.Serialization;

namespace MLOps.Orchestrations;

/// <summary>
/// The serializer of orchestration inputs, outputs, events and custom status in both hosts: JSON web defaults
/// (camelCase, case-insensitive) with enums as names, the same shape the HTTP API speaks.
/// </summary>
public static class PlatformDataConverter
{
    /// <summary>Non-finite numbers travel as null (<see cref="FiniteJson"/>): a NaN metric must not fail the activity that reports it.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = FiniteJson.AddTo(new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    });

    public static DataConverter Instance { get; } = new JsonDataConverter(JsonOptions);
}
