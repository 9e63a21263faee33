using DurableTask.Core;
using Microsoft.Extensions.Hosting;

namespace MLOps.DurableLocal;

/// <summary>Creates the task hub's queues and tables before any client call or HTTP request can need them.</summary>
internal sealed class TaskHubInitializer(IOrchestrationService service) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => service.CreateIfNotExistsAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
