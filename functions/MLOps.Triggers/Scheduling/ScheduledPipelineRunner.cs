using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.Core.Pipelines;
using MLOps.Core.Scheduling;
using MLOps.Core.Security;
using MLOps.Triggers.Launching;

namespace MLOps.Triggers.Scheduling;

/// <summary>
/// Starts every configured schedule's occurrences that fell due in a window. Both the Azure timer function and
/// the local scheduler call this; an occurrence maps to one instance id, so overlapping windows start nothing twice.
/// </summary>
public sealed class ScheduledPipelineRunner(
    IOptions<ScheduleOptions> options,
    PipelineCatalog catalog,
    PipelineLauncher launcher,
    ILogger<ScheduledPipelineRunner> logger)
{
    public async Task<IReadOnlyList<StartOutcome>> RunDueAsync(
        DurableTaskClient client, DateTimeOffset after, DateTimeOffset upTo, CancellationToken cancellationToken = default)
    {
        var started = new List<StartOutcome>();
        foreach (PipelineSchedule schedule in options.Value.Items)
        {
            if (!catalog.TryGet(schedule.Pipeline, out PipelineDefinition? pipeline))
            {
                logger.LogError("Schedule {Schedule} names unknown pipeline {Pipeline}.", schedule.Name, schedule.Pipeline);
                continue;
            }

            object? input = PipelineInputParser.Parse(pipeline, schedule.InputJson, out IReadOnlyList<string> problems);
            if (input is null)
            {
                logger.LogError("Schedule {Schedule} has invalid input: {Problems}", schedule.Name, string.Join("; ", problems));
                continue;
            }

            foreach (DateTimeOffset occurrence in ScheduleOccurrences.Between(schedule, after, upTo))
            {
                started.Add(await launcher.StartAsync(
                    client,
                    pipeline,
                    input,
                    ScheduleOccurrences.InstanceId(schedule, occurrence),
                    CallerIdentity.System($"schedule:{schedule.Name}"),
                    "timer",
                    cancellationToken));
            }
        }

        return started;
    }
}
