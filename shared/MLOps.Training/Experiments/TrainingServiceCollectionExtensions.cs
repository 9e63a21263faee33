using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MLOps.Training.Experiments;

public static class TrainingServiceCollectionExtensions
{
    /// <summary>Adds the experiment services (planning, trials, candidates, registration) and the integration checks that score packages; needs <c>AddMLOpsCore</c>.</summary>
    public static IServiceCollection AddMLOpsTraining(this IServiceCollection services)
    {
        services.TryAddSingleton<TrainingDataCache>();
        services.TryAddSingleton<ExperimentPlanner>();
        services.TryAddSingleton<TrialRunner>();
        services.TryAddSingleton<CandidateTrainer>();
        services.TryAddSingleton<ModelPublisher>();
        services.TryAddSingleton<RunReproducer>();
        services.TryAddSingleton<Integration.BuildInputs>();
        services.TryAddSingleton<Integration.PackageChecks>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MLOps.Core.Pipelines.IAdmissionCheck, ExperimentAdmission>());
        return services;
    }
}
