using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.DurableLocal.Quarantine;

namespace MLOps.DurableLocal;

/// <summary>
/// A <see cref="DurableTaskWorker"/> that runs the registered Microsoft.DurableTask orchestrators and activities
/// on a DTFx <see cref="TaskHubWorker"/>. Plugged into the standard builder with
/// <c>AddDurableTaskWorker(b => b.UseBuildTarget&lt;EmbeddedDurableTaskWorker, EmbeddedWorkerOptions&gt;())</c>.
/// </summary>
public sealed class EmbeddedDurableTaskWorker : DurableTaskWorker
{
    private readonly IOrchestrationService service;
    private readonly IServiceProvider services;
    private readonly EmbeddedWorkerOptions workerOptions;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly WorkItemQuarantine? quarantine;

    public EmbeddedDurableTaskWorker(
        string name,
        IDurableTaskFactory factory,
        IOptionsMonitor<EmbeddedWorkerOptions> workerOptions,
        IOrchestrationService service,
        IServiceProvider services,
        ILoggerFactory loggerFactory,
        WorkItemQuarantine? quarantine = null)
        : base(name, factory)
    {
        this.quarantine = quarantine;
        ArgumentNullException.ThrowIfNull(workerOptions);
        this.workerOptions = workerOptions.Get(name);
        this.service = service;
        this.services = services;
        this.loggerFactory = loggerFactory;
        this.logger = loggerFactory.CreateLogger<EmbeddedDurableTaskWorker>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var shims = new DurableTaskShimFactory(this.workerOptions, this.loggerFactory);
        var worker = new TaskHubWorker(
            this.service,
            new OrchestrationObjectManager(this.services, this.Factory, shims),
            new ActivityObjectManager(this.services, this.Factory, shims),
            this.loggerFactory)
        {
            // Without it a parent that catches a failed sub-orchestration cannot read its failure and crashes.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        if (this.quarantine is { } guard)
        {
            // First in line, so a quarantined item does not even build its orchestrator or activity.
            worker.AddOrchestrationDispatcherMiddleware(guard.OrchestrationAsync);
            worker.AddActivityDispatcherMiddleware(guard.ActivityAsync);
        }

        worker.AddOrchestrationDispatcherMiddleware(TellParent);

        await this.service.CreateIfNotExistsAsync();
        await worker.StartAsync();
        this.logger.LogInformation("Embedded Durable Task worker '{Name}' started.", this.Name);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Host shutdown.
        }

        await worker.StopAsync(isForced: true);
        this.logger.LogInformation("Embedded Durable Task worker '{Name}' stopped.", this.Name);
    }

    // TaskOrchestrationContext.Parent is read from the runtime state, which only the dispatcher sees.
    private static Task TellParent(DurableTask.Core.Middleware.DispatchMiddlewareContext context, Func<Task> next)
    {
        if (context.GetProperty<TaskOrchestration>() is DeferredOrchestration orchestration
            && context.GetProperty<OrchestrationRuntimeState>()?.ParentInstance is { } parent)
        {
            orchestration.Parent = new ParentOrchestrationInstance(
                new TaskName(parent.Name), parent.OrchestrationInstance.InstanceId);
        }

        return next();
    }
}
