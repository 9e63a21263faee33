using System.Text.Json;
using System.Text.Json.Serialization;
using MLOps.Core.Serialization;

namespace MLOps.Core.Serving.RequestLog;

/// <summary>The JSON of request-log lines and score answers: camelCase, enums by name, nulls left out, non-finite numbers as null, one line.</summary>
public static class RequestLogJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        JsonSerializerOptions options = FiniteJson.AddTo(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter() },
        });
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
