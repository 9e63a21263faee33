using MLOps.Core;
using MLOps.Training.Experiments;
using MLOps.Core.Events;
using MLOps.Core.Storage;
using MLOps.DurableLocal;
using MLOps.LocalHost.Azurite;
using MLOps.LocalHost.Background;
using MLOps.LocalHost.Workers;
using MLOps.Orchestrations;
using MLOps.Triggers;

namespace MLOps.LocalHost;

/// <summary>The embedded host's composition root, shared by Program, the demo and the integration tests.</summary>
public static class LocalHostBuilder
{
    /// <summary>
    /// Builds the host against <paramref name="storageConnectionString"/>. Platform events go to the host's own
    /// webhook unless configuration names another topic.
    /// </summary>
    public static WebApplication Build(string[] args, string storageConnectionString, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.SectionName}:ConnectionString"] = storageConnectionString,
            [$"{EmbeddedEngineOptions.SectionName}:StorageConnectionString"] = storageConnectionString,
        });
        configure?.Invoke(builder);

        builder.Services.AddProblemDetails();
        builder.Services.AddMLOpsCore();
        builder.Services.AddMLOpsTraining();
        builder.Services.AddMLOpsTriggers();
        builder.Services.AddEmbeddedDurableEngine(MLOpsTasks.Register, PlatformDataConverter.Instance);
        builder.Services.AddOptions<LandingWatcherOptions>().BindConfiguration(LandingWatcherOptions.SectionName);
        builder.Services.AddHostedService<LandingWatcher>();
        builder.Services.AddHostedService<LocalScheduler>();
        builder.Services.AddHostedService<StagingSweepService>();
        builder.Services.AddOptions<LocalWorkerOptions>().BindConfiguration(LocalWorkerOptions.SectionName);
        builder.Services.AddSingleton<LocalWorkers>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalWorkers>());

        WebApplication app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRequestGate();
        app.MapMLOpsApi();
        return app;
    }

    /// <summary>Settings that point the platform's event publisher at this host's own webhook.</summary>
    public static Dictionary<string, string?> SelfPublishing(string baseUrl, string platformKey) => new()
    {
        [$"{EventGridOptions.SectionName}:TopicEndpoint"] = $"{baseUrl.TrimEnd('/')}/api/events",
        [$"{EventGridOptions.SectionName}:TopicKey"] = platformKey,
    };

    public static AzuriteOptions AzuriteOptions(IConfiguration configuration)
    {
        var options = new AzuriteOptions();
        configuration.GetSection(Azurite.AzuriteOptions.SectionName).Bind(options);
        return options;
    }
}
