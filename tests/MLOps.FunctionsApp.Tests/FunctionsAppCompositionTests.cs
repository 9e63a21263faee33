using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Azure.Functions.Worker.Extensions.DurableTask.Execution;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MLOps.Core.Pipelines;
using MLOps.Orchestrations;

namespace MLOps.FunctionsApp.Tests;

public sealed class FunctionsAppCompositionTests
{
    [Fact]
    public void OrchestratorsAndActivitiesBecomeFunctionsWithoutGeneratedTriggers()
    {
        using ServiceProvider services = BuildWorker();
        var functions = new List<IFunctionMetadata>();

        foreach (IFunctionMetadataTransformer transformer in services.GetServices<IFunctionMetadataTransformer>())
        {
            transformer.Transform(functions);
        }

        var registry = new DurableTaskRegistry();
        MLOpsTasks.Register(registry);
        string[] registered = [.. registry.GetOrchestrators().Select(o => o.Key.Name).Concat(registry.GetActivities().Select(a => a.Key.Name)).Order(StringComparer.Ordinal)];
        Assert.Equal(registered, functions.Select(f => f.Name!).Order(StringComparer.Ordinal));
        Assert.Contains(OrchestratorNames.Diagnostics, registered);
        Assert.Contains(OrchestratorNames.DataEngineering, registered);
    }

    [Fact]
    public void OrchestrationDataUsesThePlatformConverter()
    {
        using ServiceProvider services = BuildWorker();

        Assert.Same(PlatformDataConverter.Instance, services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter);
        Assert.Same(PlatformDataConverter.Instance, services.GetRequiredService<IOptions<DurableTaskClientOptions>>().Value.DataConverter);
    }

    // As in the host: the Durable extension's startup configures the worker before Program's callback runs.
    private static ServiceProvider BuildWorker()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        IFunctionsWorkerApplicationBuilder worker = services.AddFunctionsWorkerCore();
        worker.ConfigureDurableExtension();
        FunctionsAppComposition.ConfigureWorker(worker);
        return services.BuildServiceProvider();
    }
}
