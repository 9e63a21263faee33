using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MLOps.Core;
using MLOps.Training.Experiments;
using MLOps.Orchestrations;
using MLOps.Triggers;

namespace MLOps.FunctionsApp;

/// <summary>The Functions app's service wiring, kept out of Program so tests can build the same container.</summary>
public static class FunctionsAppComposition
{
    /// <summary>
    /// Registers every orchestrator and activity with the Durable worker; the extension turns each registration
    /// into a function, so no generated trigger functions are needed.
    /// </summary>
    public static void ConfigureWorker(IFunctionsWorkerApplicationBuilder worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        worker.UseMiddleware<RequestGateMiddleware>();
        worker.ConfigureDurableWorker().AddTasks(MLOpsTasks.Register);
        UsePlatformDataConverter(worker.Services);
    }

    /// <summary>The platform services the trigger functions and activities use, as in the embedded host.</summary>
    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddMLOpsCore();
        services.AddMLOpsTraining();
        services.AddMLOpsTriggers();
    }

    /// <summary>
    /// Orchestration data is serialized as in the embedded host. Two serializers touch it in the isolated worker:
    /// the Durable <see cref="DurableTaskWorkerOptions.DataConverter"/> (orchestration inputs, outputs, events and
    /// activity inputs), and the worker's <see cref="WorkerOptions.Serializer"/>, which writes every function's
    /// result back to the host — an activity's output is deserialized by the extension and serialized again with it
    /// (by default PascalCase with enums as numbers: <c>{"RunId":…,"Stage":1}</c>) — and which the extension also
    /// wraps as the DataConverter of both options. So both are set: the worker's serializer to System.Text.Json with
    /// <see cref="PlatformDataConverter.JsonOptions"/>, and both options' converter to the platform's own instance
    /// (post-configured after the extension's startup, which is registered first).
    /// </summary>
    internal static void UsePlatformDataConverter(IServiceCollection services)
    {
        services.PostConfigure<WorkerOptions>(o => o.Serializer = PlatformObjectSerializer);
        services.PostConfigureAll<DurableTaskWorkerOptions>(o => o.DataConverter = PlatformDataConverter.Instance);
        services.PostConfigureAll<DurableTaskClientOptions>(o => o.DataConverter = PlatformDataConverter.Instance);
    }

    /// <summary>The worker's object serializer: the same JSON options as <see cref="PlatformDataConverter"/>.</summary>
    internal static ObjectSerializer PlatformObjectSerializer { get; } = new JsonObjectSerializer(PlatformDataConverter.JsonOptions);
}
