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
    /// Orchestration data is serialized as in the embedded host. The extension post-configures both options to
    /// wrap the worker's ObjectSerializer; this runs after it (the extension's startup is registered first).
    /// </summary>
    internal static void UsePlatformDataConverter(IServiceCollection services)
    {
        services.PostConfigureAll<DurableTaskWorkerOptions>(o => o.DataConverter = PlatformDataConverter.Instance);
        services.PostConfigureAll<DurableTaskClientOptions>(o => o.DataConverter = PlatformDataConverter.Instance);
    }
}
