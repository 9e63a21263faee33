using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MLOps.Triggers.EventGrid;
using MLOps.Triggers.Http;
using MLOps.Triggers.Landing;
using MLOps.Triggers.Launching;
using MLOps.Triggers.Scheduling;

namespace MLOps.Triggers;

public static class TriggerServiceCollectionExtensions
{
    /// <summary>Adds the trigger handlers both hosts call.</summary>
    public static IServiceCollection AddMLOpsTriggers(this IServiceCollection services)
    {
        services.AddOptions<HttpApiOptions>().BindConfiguration(HttpApiOptions.SectionName);
        services.AddSingleton<RequestGuard>();
        services.AddSingleton<RequestGate>();
        services.AddSingleton<PipelineInputReader>();
        services.TryAddSingleton<IStartClaims, BlobStartClaims>();
        services.TryAddSingleton<IRunLocks, BlobRunLocks>();
        services.AddSingleton<PipelineLauncher>();
        services.AddSingleton<PipelineHttpApi>();
        services.AddSingleton<AuditHttpApi>();
        services.AddSingleton<HealthHttpApi>();
        services.AddSingleton<ProjectHttpApi>();
        services.AddSingleton<FeatureStoreHttpApi>();
        services.AddSingleton<ReproductionHttpApi>();
        services.AddSingleton<LandingHttpApi>();
        services.AddSingleton<ReportHttpApi>();
        services.AddSingleton<TrackingHttpApi>();
        services.AddSingleton<ModelRegistryHttpApi>();
        services.AddSingleton<PackageHttpApi>();
        services.AddSingleton<ServingHttpApi>();
        services.AddSingleton<DeploymentHttpApi>();
        services.AddSingleton<LandingTrigger>();
        services.AddSingleton<EventGridWebhook>();
        services.AddSingleton<ScheduledPipelineRunner>();
        return services;
    }
}
