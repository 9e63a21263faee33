using System.Text.Json;
using System.Text.Json.Serialization;
using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Launching;

/// <summary>Turns a JSON body or event payload into a pipeline's typed input, reporting every problem.</summary>
public static class PipelineInputParser
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static object? Parse(PipelineDefinition pipeline, string? json, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        object? input;
        try
        {
            input = JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(json) ? "{}" : json, pipeline.InputType, Options);
        }
        catch (JsonException ex)
        {
            problems = [$"body is not a valid {pipeline.InputType.Name}: {ex.Message}"];
            return null;
        }

        problems = input switch
        {
            null => ["body must be a JSON object"],
            IPipelineInput validatable => validatable.Validate(),
            _ => [],
        };
        return problems.Count == 0 ? input : null;
    }
}
