using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace MLOps.Benchmarks.DataPipeline;

/// <summary>When each stage of a pipeline run was first seen, relative to the start of the run.</summary>
public sealed record StageMark(string Stage, TimeSpan SeenAt);

/// <summary>
/// Follows a run through the <c>PipelineProgress</c> custom status its orchestrator sets at the start of each
/// stage. The client does not expose the orchestration history, so this polls: a stage is timed from the first
/// poll that shows it to the first poll that shows the next one, which is accurate to about one polling interval
/// plus one status read. A stage shorter than that can be missed; its time then counts towards the next one.
/// </summary>
public static class StageTimeline
{
    /// <summary>Polls until the run ends; <paramref name="marks"/> is the caller's, so it keeps what was seen if this times out.</summary>
    public static async Task<OrchestrationMetadata> FollowAsync(
        DurableTaskClient client, string instanceId, Stopwatch clock, TimeSpan interval, List<StageMark> marks, Action<StageMark>? onStage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(marks);
        while (true)
        {
            OrchestrationMetadata? status = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            TimeSpan now = clock.Elapsed;
            if (status is not null)
            {
                string? stage = StageOf(status.SerializedCustomStatus);
                if (stage is not null && (marks.Count == 0 || marks[^1].Stage != stage))
                {
                    marks.Add(new StageMark(stage, now));
                    onStage?.Invoke(marks[^1]);
                }

                if (status.IsCompleted)
                {
                    return status;
                }
            }

            await Task.Delay(interval, cancellationToken);
        }
    }

    private static string? StageOf(string? customStatus)
    {
        if (string.IsNullOrEmpty(customStatus))
        {
            return null;
        }

        using JsonDocument json = JsonDocument.Parse(customStatus);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (JsonProperty property in json.RootElement.EnumerateObject())
        {
            if (property.Name.Equals("stage", StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.GetString();
            }
        }

        return null;
    }
}
