using DurableTask.AzureStorage;
using DurableTask.Core;

namespace MLOps.DurableLocal;

/// <summary>Builds the DTFx Azure Storage backend from <see cref="EmbeddedEngineOptions"/>.</summary>
public static class OrchestrationServiceFactory
{
    public static AzureStorageOrchestrationService Create(EmbeddedEngineOptions options, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            PartitionCount = options.PartitionCount,
            ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ControlQueueVisibilityTimeout = options.QueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.QueueVisibilityTimeout,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,

            // Without it a start refused by its dedupe statuses silently does nothing and reads as a success.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory,
        };
        return new AzureStorageOrchestrationService(settings);
    }

    /// <summary>
    /// The backend as the worker should drive it: with <see cref="EmbeddedEngineOptions.ActivityDispatcherCount"/>
    /// activity fetch loops where the backend would run fewer.
    /// </summary>
    public static IOrchestrationService ForWorker(AzureStorageOrchestrationService service, EmbeddedEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        return options.ActivityDispatcherCount > service.TaskActivityDispatcherCount
            ? new ActivityDispatcherCountOverride(service, options.ActivityDispatcherCount)
            : service;
    }
}
