using System.Text.Json.Nodes;
using MLOps.Core.Pipelines;

namespace MLOps.Triggers.Launching;

/// <summary>
/// The door of every pipeline start (HTTP, Event Grid, schedules): the input read strictly and checked for
/// meaning (<see cref="PipelineInputParser"/>), then against the platform's state by the pipeline's
/// <see cref="IAdmissionCheck"/>s. Nothing is queued unless all of it passes.
/// </summary>
public sealed class PipelineInputReader(IEnumerable<IAdmissionCheck> checks)
{
    private readonly IAdmissionCheck[] checks = [.. checks];

    public async Task<(object? Input, IReadOnlyList<string> Problems)> ReadAsync(
        PipelineDefinition pipeline, string? json, CancellationToken cancellationToken = default)
    {
        object? input = PipelineInputParser.Parse(pipeline, json, out IReadOnlyList<string> problems);
        return input is null ? (null, problems) : await this.AdmitAsync(input, string.Empty, cancellationToken);
    }

    /// <summary>For a payload already read (an event's data); problems are named under <paramref name="path"/>.</summary>
    public async Task<(object? Input, IReadOnlyList<string> Problems)> ReadAsync(
        PipelineDefinition pipeline, JsonNode? payload, string path, CancellationToken cancellationToken = default)
    {
        object? input = PipelineInputParser.Parse(pipeline, payload, path, out IReadOnlyList<string> problems);
        return input is null ? (null, problems) : await this.AdmitAsync(input, path + ": ", cancellationToken);
    }

    public async Task<(object? Input, IReadOnlyList<string> Problems)> AdmitAsync(object input, string prefix = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<string>();
        foreach (IAdmissionCheck check in this.checks.Where(c => c.InputType.IsInstanceOfType(input)))
        {
            problems.AddRange((await check.CheckAsync(input, cancellationToken)).Select(p => prefix + p));
        }

        return problems.Count == 0 ? (input, problems) : (null, problems);
    }
}
