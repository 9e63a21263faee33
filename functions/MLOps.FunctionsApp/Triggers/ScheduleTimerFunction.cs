using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MLOps.Triggers.Scheduling;

namespace MLOps.FunctionsApp.Triggers;

/// <summary>
/// One timer for every configured schedule: each minute it starts the occurrences that fell due since the last
/// firing. Schedules live in configuration, so adding one needs no new function.
/// </summary>
public sealed class ScheduleTimerFunction(ScheduledPipelineRunner runner, TimeProvider clock)
{
    [Function("ScheduleTimer")]
    public async Task RunAsync(
        [TimerTrigger("0 * * * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        TimerWindow window = TimerWindow.For(timer, clock.GetUtcNow());
        await runner.RunDueAsync(client, window.After, window.UpTo, cancellationToken);
    }
}
