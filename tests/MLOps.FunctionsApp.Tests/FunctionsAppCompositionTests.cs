using Azure.Core.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Azure.Functions.Worker.Extensions.DurableTask.Execution;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MLOps.Core.Experiments;
using MLOps.Core.Pipelines;
using MLOps.DurableLocal;
using MLOps.LocalHost;
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

    [Fact]
    public async Task AnOrchestrationPayloadIsSerialisedTheSameByTheEmbeddedHostAndTheFunctionsApp()
    {
        var outcome = new TrialOutcome(
            "exp-random-t001",
            SearchStrategyKind.Random,
            new TrialResult(1, "LightGbm", new Dictionary<string, string> { ["NumberOfLeaves"] = "8" }, 0.81, TrialStatus.Stopped, [0.8, 0.82]),
            new Dictionary<string, double> { ["Auc"] = 0.81 });

        // The embedded host: the converter its Durable worker was built with.
        await using WebApplication local = LocalHostBuilder.Build([], "UseDevelopmentStorage=true");
        string embedded = local.Services.GetRequiredService<IOptionsMonitor<EmbeddedWorkerOptions>>().Get(Options.DefaultName).DataConverter.Serialize(outcome)!;

        // The Functions app, with the worker defaults the real host starts from: the Durable converters, and an activity's
        // output as it reaches the host (serialised by the shim, read back as the output type, written by the worker's serializer).
        using ServiceProvider services = BuildWorker(withWorkerDefaults: true);
        DataConverter worker = services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter;
        DataConverter client = services.GetRequiredService<IOptions<DurableTaskClientOptions>>().Value.DataConverter;
        ObjectSerializer serializer = services.GetRequiredService<IOptions<WorkerOptions>>().Value.Serializer!;
        string activityOutput = serializer.Serialize(worker.Deserialize<TrialOutcome>(worker.Serialize(outcome)))!.ToString();

        Assert.Contains("\"runId\":\"exp-random-t001\",\"stage\":\"Random\"", embedded, StringComparison.Ordinal);
        Assert.Equal(embedded, worker.Serialize(outcome));
        Assert.Equal(embedded, client.Serialize(outcome));
        Assert.Equal(embedded, activityOutput);
    }

    // As in the host: the Durable extension's startup configures the worker before Program's callback runs.
    private static ServiceProvider BuildWorker(bool withWorkerDefaults = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        IFunctionsWorkerApplicationBuilder worker = withWorkerDefaults ? services.AddFunctionsWorkerDefaults() : services.AddFunctionsWorkerCore();
        worker.ConfigureDurableExtension();
        FunctionsAppComposition.ConfigureWorker(worker);
        return services.BuildServiceProvider();
    }
}
