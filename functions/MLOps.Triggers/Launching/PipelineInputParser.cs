using System.Text.Json.Nodes;
using MLOps.Core.Json;
using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Launching;

/// <summary>
/// Turns a JSON body or event payload into a pipeline's typed input, reporting every problem: read strictly
/// against the input's contract (<see cref="StrictJson"/>), then checked for meaning by the input itself.
/// </summary>
public static class PipelineInputParser
{
    public static object? Parse(PipelineDefinition pipeline, string? json, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        object? input = StrictJson.Read(string.IsNullOrWhiteSpace(json) ? "{}" : json, pipeline.InputType, out problems);
        return Validated(input, ref problems);
    }

    /// <summary>As <see cref="Parse(PipelineDefinition, string?, out IReadOnlyList{string})"/>, for a payload already read; problems are named under <paramref name="path"/>.</summary>
    public static object? Parse(PipelineDefinition pipeline, JsonNode? payload, string path, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        object? input = StrictJson.Read(payload ?? new JsonObject(), pipeline.InputType, out problems, path);
        IReadOnlyList<string> found = problems;
        object? valid = Validated(input, ref found);
        problems = input is not null && found.Count > 0 ? [.. found.Select(p => $"{path}: {p}")] : found;
        return valid;
    }

    private static object? Validated(object? input, ref IReadOnlyList<string> problems)
    {
        if (input is null)
        {
            return null;
        }

        problems = input is IPipelineInput validatable ? validatable.Validate() : [];
        return problems.Count == 0 ? input : null;
    }
}
