using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using MLOps.Core.Packaging;
using MLOps.Core.Storage;
using MLOps.OnnxWorker.Batching;
using MLOps.OnnxWorker.Hosting;
using MLOps.OnnxWorker.Metrics;
using MLOps.OnnxWorker.Models;
using MLOps.OnnxWorker.Onnx;
using MLOps.OnnxWorker.Packages;
using MLOps.OnnxWorker.Protocol;

namespace MLOps.OnnxWorker;

/// <summary>The worker's composition root: options, the package reader and verifier, ONNX Runtime, metrics, routes.</summary>
public static class WorkerApp
{
    public static WebApplication Build(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Defaults below every other source (environment, command line), in code rather than an appsettings.json that
        // would collide with the embedded host's in a project that references both.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        IServiceCollection services = builder.Services;
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName)
            .Validate(o => o.Invalid() is null, "Worker options are out of range; see the log.").ValidateOnStart();
        services.AddOptions<DynamicBatchingOptions>().BindConfiguration(DynamicBatchingOptions.SectionName);
        services.AddOptions<PackageTrustOptions>().BindConfiguration(PackageTrustOptions.SectionName);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddMetrics();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        services.AddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        services.AddSingleton(sp => Verifier(sp.GetRequiredService<IOptions<PackageTrustOptions>>().Value));
        services.AddSingleton<IModelPackageStore, BlobModelPackageStore>();
        services.AddSingleton<ModelPackageReader>();
        services.AddSingleton<PackageSource>();
        services.AddSingleton<ExecutionProvider>();
        services.AddSingleton<WorkerMetrics>();
        services.AddSingleton(sp => new PrometheusExposition(sp.GetRequiredService<WorkerMetrics>().Meter));
        services.AddSingleton<ModelRepository>();
        services.AddSingleton<InferenceHandler>();
        services.AddSingleton<WorkerReadiness>();
        services.AddHostedService<WorkerStartup>();
        services.AddHostedService<ParentProcessWatch>();

        WorkerOptions worker = builder.Configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
        DynamicBatchingOptions batching = builder.Configuration.GetSection(DynamicBatchingOptions.SectionName).Get<DynamicBatchingOptions>() ?? new DynamicBatchingOptions();
        if ((worker.Invalid() ?? batching.Invalid(worker.MaxBatchSize)) is { } invalid)
        {
            throw new InvalidOperationException(invalid);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = worker.MaxRequestBytes);

        WebApplication app = builder.Build();
        app.UseMiddleware<V2ErrorMiddleware>();
        app.UseMiddleware<AccessKeyMiddleware>();
        app.MapV2();
        return app;
    }

    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Urls"] = "http://0.0.0.0:8080",
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:FormatterOptions:SingleLine"] = "true",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:MLOps"] = "Information",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
    };

    private static PackageVerifier Verifier(PackageTrustOptions trust)
    {
        IReadOnlyList<string> keys = trust.All;
        if (keys.Count == 0)
        {
            throw new InvalidOperationException(
                "No trusted package key: set Packaging:PublicKeyPem (or Packaging:TrustedPublicKeysPem) to the signing key's public PEM. A worker loads only signed packages.");
        }

        return new PackageVerifier(keys);
    }
}
