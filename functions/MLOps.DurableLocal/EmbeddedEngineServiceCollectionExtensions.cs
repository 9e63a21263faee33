using Azure.Data.Tables;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MLOps.DurableLocal.Quarantine;

namespace MLOps.DurableLocal;

public static class EmbeddedEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the embedded engine: the DTFx Azure Storage backend, a worker running the tasks that
    /// <paramref name="registerTasks"/> registers, and a <see cref="DurableTaskClient"/> over the same task hub, both
    /// serializing with <paramref name="converter"/>.
    /// </summary>
    public static IServiceCollection AddEmbeddedDurableEngine(
        this IServiceCollection services, Action<DurableTaskRegistry> registerTasks, DataConverter converter, bool withWorker = true)
    {
        services.AddOptions<EmbeddedEngineOptions>().BindConfiguration(EmbeddedEngineOptions.SectionName);
        services.AddSingleton(sp => OrchestrationServiceFactory.Create(
            sp.GetRequiredService<IOptions<EmbeddedEngineOptions>>().Value, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => OrchestrationServiceFactory.ForWorker(
            sp.GetRequiredService<AzureStorageOrchestrationService>(), sp.GetRequiredService<IOptions<EmbeddedEngineOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<DurableTaskClient>(sp =>
            new EmbeddedDurableTaskClient("embedded", sp.GetRequiredService<IOrchestrationServiceClient>(), converter));
        services.AddHostedService<TaskHubInitializer>();
        services.AddSingleton(sp => CreateQuarantine(sp.GetRequiredService<IOptions<EmbeddedEngineOptions>>().Value, sp.GetRequiredService<ILoggerFactory>()));

        if (withWorker)
        {
            services.AddDurableTaskWorker(builder =>
            {
                builder.AddTasks(registerTasks);
                builder.Configure(options => options.DataConverter = converter);
                builder.UseBuildTarget<EmbeddedDurableTaskWorker, EmbeddedWorkerOptions>();
            });
        }

        return services;
    }

    private static WorkItemQuarantine CreateQuarantine(EmbeddedEngineOptions options, ILoggerFactory loggerFactory) => new(
        options.QuarantineAfterHostDeaths <= 0
            ? null
            : new TableWorkItemAttempts(
                new TableClient(options.StorageConnectionString, TableWorkItemAttempts.TableNameFor(options.TaskHubName)),
                TableWorkItemAttempts.CurrentIncarnation),
        options.QuarantineAfterHostDeaths,
        loggerFactory.CreateLogger<WorkItemQuarantine>());
}
