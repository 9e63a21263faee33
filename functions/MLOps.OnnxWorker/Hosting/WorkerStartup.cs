using MLOps.OnnxWorker.Metrics;
using MLOps.OnnxWorker.Models;
using MLOps.OnnxWorker.Onnx;

namespace MLOps.OnnxWorker.Hosting;

/// <summary>
/// Start-up and shutdown: probes the execution provider (logged, and exposed on /metrics), marks the worker ready
/// once the host has started, not ready as soon as it stops, and unloads every model (in-flight requests finish).
/// </summary>
public sealed class WorkerStartup(
    ExecutionProvider provider,
    WorkerMetrics metrics,
    PrometheusExposition exposition,
    ModelRepository models,
    WorkerReadiness readiness,
    IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The exposition's listener must exist before the first measurement, or that measurement is not counted.
        _ = exposition;
        provider.Probe();
        metrics.ObserveProvider(() => provider.Current);
        metrics.ObserveModels(() => models.All.Select(m => (m.Name, m.Version, m.Provider, m.Package)).ToArray());
        lifetime.ApplicationStarted.Register(readiness.Started);
        lifetime.ApplicationStopping.Register(readiness.Stopping);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        readiness.Stopping();
        await models.DisposeAsync();
    }
}
