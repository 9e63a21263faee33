using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging;

namespace MLOps.DurableLocal;

/// <summary>Builds the DTFx Azure Storage backend from <see cref="EmbeddedEngineOptions"/>.</summary>
public static class OrchestrationServiceFactory
{
    public static AzureStorageOrchestrationService Create(EmbeddedEngineOptions options, ILoggerFactory loggerFactory) =>
        new(Settings(options, loggerFactory));

    /// <summary>The DTFx settings <paramref name="options"/> stand for.</summary>
    public static AzureStorageOrchestrationServiceSettings Settings(EmbeddedEngineOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            PartitionCount = options.PartitionCount,
            ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,

            // Without it a start refused by its dedupe statuses silently does nothing and reads as a success.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory,
        };
    }

    /// <summary>
    /// The backend as the worker should drive it (<see cref="WorkerOrchestrationService"/>): with
    /// <see cref="EmbeddedEngineOptions.ActivityDispatcherCount"/> activity fetch loops where the backend would run
    /// fewer, and lock renewals that keep trying through a storage outage.
    /// </summary>
    public static IOrchestrationService ForWorker(
        AzureStorageOrchestrationService service, EmbeddedEngineOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return new WorkerOrchestrationService(
            service, Math.Max(options.ActivityDispatcherCount, service.TaskActivityDispatcherCount), loggerFactory.CreateLogger<WorkerOrchestrationService>());
    }
}
