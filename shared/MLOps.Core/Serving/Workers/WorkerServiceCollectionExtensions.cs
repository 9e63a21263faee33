using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MLOps.Core.Serving.Workers;

public static class WorkerServiceCollectionExtensions
{
    /// <summary>The pool of ONNX workers (section <c>Workers</c>); a bad endpoint fails the host's start, naming it.</summary>
    public static IServiceCollection AddInferenceWorkerPool(this IServiceCollection services)
    {
        services.AddOptions<WorkerPoolOptions>()
            .BindConfiguration(WorkerPoolOptions.SectionName)
            .Validate(o => o.InvalidEndpoint() is null, "Workers:Endpoints holds a value that is not an absolute http(s) URL.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InferenceWorkerPool>();
        return services;
    }
}
