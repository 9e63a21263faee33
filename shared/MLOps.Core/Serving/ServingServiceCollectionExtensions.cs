using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MLOps.Core.Pipelines;
using MLOps.Core.Serving.Batch;
using MLOps.Core.Serving.Endpoints;
using MLOps.Core.Serving.RequestLog;
using MLOps.Core.Serving.Scoring;

namespace MLOps.Core.Serving;

public static class ServingServiceCollectionExtensions
{
    /// <summary>Endpoints, online and batch scoring and the request log (section <c>Serving</c>).</summary>
    public static IServiceCollection AddMLOpsServing(this IServiceCollection services)
    {
        services.AddOptions<ServingOptions>()
            .BindConfiguration(ServingOptions.SectionName)
            .Validate(o => o.MaxRows >= 1 && o.BatchChunkRows >= 1 && o.BatchInferenceRows >= 1 && o.RetryAfterSeconds >= 1, "Serving: MaxRows, BatchChunkRows, BatchInferenceRows and RetryAfterSeconds must be at least 1.")
            .Validate(o => o.RequestLogSampleRate is >= 0 and <= 1, "Serving:RequestLogSampleRate must be from 0 to 1.")
            .Validate(o => o.RetireDrainSeconds >= 0, "Serving:RetireDrainSeconds must be 0 or more.")
            .Validate(o => o.MirrorConcurrency >= 1 && o.MirrorQueue >= 1, "Serving:MirrorConcurrency and Serving:MirrorQueue must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<ServingMetrics>();
        services.TryAddSingleton<IEndpointStore, TableEndpointStore>();
        services.TryAddSingleton<IPackageScoring, WorkerPackageScoring>();
        services.TryAddSingleton<IRequestLog, BlobRequestLog>();
        services.TryAddSingleton<DeploymentScoring>();
        services.TryAddSingleton<RequestMirror>();
        services.TryAddSingleton<ScoringService>();
        services.TryAddSingleton<DeploymentRetirement>();
        services.TryAddSingleton<EndpointTrafficService>();
        services.TryAddSingleton<IEndpointTraffic>(sp => sp.GetRequiredService<EndpointTrafficService>());
        services.TryAddSingleton<EndpointDeployer>();
        services.TryAddSingleton<BatchScorer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAdmissionCheck, BatchScoringAdmission>());
        return services;
    }
}
