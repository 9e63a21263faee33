using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MLOps.Core.Scheduling;
using MLOps.Triggers.Scheduling;

namespace MLOps.LocalHost.Background;

/// <summary>The local stand-in for the Functions timer trigger: starts schedules' due occurrences.</summary>
public sealed class LocalScheduler(
    ScheduledPipelineRunner runner,
    DurableTaskClient client,
    TimeProvider clock,
    IOptions<ScheduleOptions> options,
    ILogger<LocalScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Items.Count == 0)
        {
            return;
        }

        DateTimeOffset after = clock.GetUtcNow();
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            DateTimeOffset now = clock.GetUtcNow();
            try
            {
                await runner.RunDueAsync(client, after, now, stoppingToken);
                after = now;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The window is kept, so the missed occurrences are started on the next tick.
                logger.LogError(ex, "Starting scheduled pipelines failed; retrying.");
            }
        }
    }
}
