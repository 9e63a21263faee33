using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace MLOps.OnnxWorker.Hosting;

/// <summary>
/// Stops the worker when the process that started it (Worker:ParentProcessId, set by the embedded host) is gone, so
/// a host that is killed outright leaves no worker behind. The parent's start time guards against a reused id.
/// </summary>
public sealed class ParentProcessWatch(IOptions<WorkerOptions> options, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ParentProcessId is not { } id)
        {
            return;
        }

        DateTime? started = StartTime(id);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (started is not null && StartTime(id) == started && await timer.WaitForNextTickAsync(stoppingToken))
        {
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("The parent process {ProcessId} has exited; stopping.", id);
            lifetime.StopApplication();
        }
    }

    private static DateTime? StartTime(int id)
    {
        try
        {
            using Process process = Process.GetProcessById(id);
            return process.HasExited ? null : process.StartTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
