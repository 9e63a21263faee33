using Microsoft.Extensions.Options;
using MLOps.Core.Storage;

namespace MLOps.LocalHost.Background;

/// <summary>The embedded host's sweep of abandoned staging: once at start (a crash leaves it behind), then on a timer.</summary>
public sealed class StagingSweepService(
    StagingSweeper sweeper, IOptions<StagingSweepOptions> options, TimeProvider clock, ILogger<StagingSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage unreachable: the next tick tries again; staging is only ever deleted, never needed.
                logger.LogError(ex, "Sweeping abandoned staging failed; retrying on the next tick.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
